"""Cross-file checks that the broken-file table does not cover: warnings and comparisons."""

from __future__ import annotations

import datetime as dt

from generator.project import Project, check_project
from conftest import valid_review

TODAY = dt.date(2026, 11, 21)


def codes(site, today=TODAY):
    result = check_project(Project.at(site.root), today=today)
    return sorted((d.severity.value, d.code, d.file.rsplit("/", 1)[-1], d.line) for d in result.diagnostics)


def test_stale_prices_and_grades_warn(site):
    site.review("openai/old", valid_review(pricing={"verified": dt.date(2025, 1, 1)},
                                           grade={"score": 2, "benchmarked": dt.date(2024, 6, 1)}))
    found = codes(site)
    assert [c[:2] for c in found] == [("warning", "stale-data"), ("warning", "stale-data")]


def test_stale_warning_respects_threshold(site):
    site.review("openai/recent", valid_review(pricing={"verified": TODAY - dt.timedelta(days=100)}))
    assert codes(site) == []  # site_config: price_days 180


def test_a_price_is_stale_only_past_the_limit_not_on_its_last_day(site):
    site.review("openai/edge", valid_review(pricing={"verified": TODAY - dt.timedelta(days=180)}))
    assert codes(site) == []                               # exactly price_days old: still fresh
    assert codes(site, today=TODAY + dt.timedelta(days=1)) == [("warning", "stale-data", "edge.md", 23)]


def test_comparison_must_use_canonical_name(site):
    site.review("openai/alpha", valid_review(name="Alpha"))
    site.review("openai/beta", valid_review(name="Beta"))
    site.raw("content/comparisons/beta-vs-alpha.md",
             "---\nmodels: [openai/beta, openai/alpha]\nverdict: Alpha.\nreviewed: 2026-11-01\n---\nText.\n")
    assert codes(site) == [("error", "misplaced-file", "beta-vs-alpha.md", 1)]


def test_comparison_references_must_exist(site):
    site.review("openai/alpha", valid_review(name="Alpha"))
    site.raw("content/comparisons/alpha-vs-gamma.md",
             "---\nmodels: [openai/alpha, openai/gamma]\nverdict: Alpha.\nreviewed: 2026-11-01\n---\n")
    assert codes(site) == [("error", "unknown-model", "alpha-vs-gamma.md", 2)]


def test_valid_comparison_and_references_pass(site):
    site.review("openai/alpha", valid_review(name="Alpha", alternatives=["openai/beta"]))
    site.review("openai/beta", valid_review(name="Beta", compare_with=["openai/alpha"]))
    site.raw("content/comparisons/alpha-vs-beta.md",
             "---\nmodels: [openai/beta, openai/alpha]\nverdict: Alpha.\nreviewed: 2026-11-01\n---\n")
    assert codes(site) == []


def test_names_are_case_insensitively_unique(site):
    site.review("openai/alpha", valid_review(name="Alpha"))
    site.review("openai/beta", valid_review(name="ALPHA"))
    assert codes(site) == [("error", "duplicate-id", "beta.md", 2)]


def test_site_config_errors_name_file_and_line(site):
    path = site.root / "site_config" / "brackets.yaml"
    path.write_text(path.read_text().replace("key: premium", "key: Premium!"), encoding="utf-8")
    line = path.read_text().splitlines().index("  - key: Premium!") + 1
    found = codes(site)
    assert found == [("error", "invalid-value", "brackets.yaml", line)]


def test_section_defined_twice_in_site_config(site):
    site.raw("site_config/extra.yaml", "grading:\n  max: 5\n  labels: [{label: A, from: 0}]\n")
    assert codes(site) == [("error", "duplicate-key", "grading.yaml", 3)]


def test_old_benchmarks_without_a_grade_warn(site):
    bench = {"name": "MMLU", "score": 80, "unit": "%", "source": "https://example.org/", "date": dt.date(2020, 1, 1)}
    site.review("openai/old", valid_review(benchmarks=[bench]))
    result = check_project(Project.at(site.root), today=TODAY)
    assert [(d.code, d.line, d.message) for d in result.diagnostics] == [
        ("stale-data", 29, "the model was last benchmarked 2020-01-01, 2516 days ago (limit 400)")]


def test_a_recent_grade_keeps_old_benchmark_results_fresh(site):
    bench = {"name": "MMLU", "score": 80, "unit": "%", "source": "https://example.org/", "date": dt.date(2020, 1, 1)}
    site.review("openai/old", valid_review(benchmarks=[bench], grade={"score": 2, "benchmarked": dt.date(2026, 10, 1)}))
    assert codes(site) == []


def test_the_date_can_be_pinned_for_reproducible_checks(site, monkeypatch):
    site.review("openai/recent", valid_review(reviewed=dt.date(2026, 11, 20)))
    monkeypatch.setenv("MODELREVIEW_TODAY", "2026-11-01")
    result = check_project(Project.at(site.root))
    assert [(d.code, d.line) for d in result.diagnostics] == [("future-date", 24)]


def test_faq_entries_the_page_would_not_show_are_warned_at_their_question(site):
    site.review("openai/alpha", valid_review(name="Alpha", faq=[
        {"question": "Can it read images?", "answer": "No."},
        {"question": "What is the context window of Alpha", "answer": "A typed, stale answer."},
        {"question": "How good is Alpha?", "answer": "Not graded, so this one is shown."},
        {"question": "can it  read images?", "answer": "Asked twice."}]))
    lines = (site.root / "content/models/openai/alpha.md").read_text().splitlines()
    line_of = {q: next(n for n, text in enumerate(lines, 1) if q in text)
               for q in ("What is the context window of Alpha", "can it  read images?")}
    result = check_project(Project.at(site.root), today=TODAY)
    assert [(d.severity.value, d.code, d.line, d.column) for d in result.diagnostics] == [
        ("warning", "faq-repeats-derived", line_of["What is the context window of Alpha"], 15),
        ("warning", "faq-duplicate", line_of["can it  read images?"], 15)]
    assert result.diagnostics[0].message == ("the page already answers 'What is the context window of Alpha' "
                                             "from the data, so this entry is not shown")


def test_a_review_that_fails_to_load_is_reported_once_not_in_every_file_that_names_it(site):
    site.review("openai/alpha", valid_review(name="Alpha", pricing={"input": "$0.40"}))
    site.review("openai/beta", valid_review(name="Beta", alternatives=["openai/alpha"],
                                            compare_with=["openai/alpha"]))
    site.raw("content/comparisons/alpha-vs-beta.md",
             "---\nmodels: [openai/alpha, openai/beta]\nverdict: Beta.\nreviewed: 2026-11-01\n---\nText.\n")
    found = codes(site)
    assert [(severity, code, name) for severity, code, name, _ in found] == [("error", "wrong-type", "alpha.md")]


def test_a_bare_model_id_is_offered_its_provider_folder(site):
    site.review("openai/alpha", valid_review(name="Alpha"))
    site.review("openai/beta", valid_review(name="Beta", alternatives=["alpha"]))
    [found] = check_project(Project.at(site.root), today=TODAY).diagnostics
    assert (found.code, found.line, found.hint) == ("invalid-value", 25, "did you mean 'openai/alpha'?")
    assert "'alpha' is not a model reference" in found.message


def test_a_model_outside_its_brackets_price_band_warns_with_the_bracket_that_fits(site):
    site.review("openai/alpha", valid_review(name="Alpha", bracket="budget", pricing={"output": 1.60}))
    site.review("openai/beta", valid_review(name="Beta", bracket="premium", pricing={"output": 1.60}))
    site.review("openai/gamma", valid_review(name="Gamma", bracket="value", pricing={"output": 5.00}))
    result = check_project(Project.at(site.root), today=TODAY)
    assert [(d.severity.value, d.code, d.file.rsplit("/", 1)[-1], d.line, d.message, d.hint)
            for d in result.diagnostics] == [
        ("warning", "bracket-price", "alpha.md", 4,
         "the Budget bracket is for output prices up to $1.00 per 1M tokens, but this model's is $1.60",
         "use bracket: value, or change the limits in site_config/brackets.yaml"),
        ("warning", "bracket-price", "beta.md", 4,
         "the Premium bracket is for output prices above $5.00 and up to $20.00 per 1M tokens, "
         "but this model's is $1.60", "use bracket: value, or change the limits in site_config/brackets.yaml"),
    ]


def test_bracket_limits_must_rise_and_only_the_last_may_be_open(site):
    path = site.root / "site_config" / "brackets.yaml"
    path.write_text(path.read_text().replace("max_output_price: 5.00", "max_output_price: 0.50"))
    result = check_project(Project.at(site.root), today=TODAY)
    assert [(d.code, d.file, d.message) for d in result.diagnostics] == [
        ("invalid-value", "site_config/brackets.yaml", "'brackets': max_output_price must rise from each bracket to the next")]


def test_a_memo_reuses_findings_only_for_the_same_record_and_inputs(site):
    from generator.check import CheckMemo, check_content
    from generator.load import load_content, load_site_config
    site.review("openai/old", valid_review(pricing={"verified": dt.date(2025, 1, 1)}))
    config, _ = load_site_config(site.root / "site_config", site.root)
    content = load_content(site.root / "content", site.root)
    memo = CheckMemo()
    first = check_content(content, config, TODAY, memo)
    assert [d.code for d in first] == ["stale-data"]
    assert check_content(content, config, TODAY, memo) == first            # same records: same findings
    later = check_content(content, config, TODAY + dt.timedelta(days=1), memo)  # another day, another input
    assert [d.code for d in later] == ["stale-data"] and later != first   # "... days ago" counts one more
    fresh = load_content(site.root / "content", site.root)                  # new record objects are checked anew
    assert check_content(fresh, config, TODAY, memo) == first
