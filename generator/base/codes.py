"""Every diagnostic code the tool reports: one registry, with severity and meaning.

A code is chosen where the problem is found (a check, a schema type raising
`PydanticCustomError`, a binding's `BindingProblem`), never read back out of a
message's words. The README's code table is checked against this registry by
`tests/test_codes.py`, so a new code cannot go undocumented.
"""

from __future__ import annotations

import enum


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


class Code(str, enum.Enum):
    """A diagnostic code: its value is what editors see (`error[unknown-key]`)."""

    severity: Severity
    meaning: str

    def __new__(cls, value: str, severity: Severity, meaning: str) -> "Code":
        member = str.__new__(cls, value)
        member._value_ = value
        member.severity = severity
        member.meaning = meaning
        return member

    def __str__(self) -> str:
        return self.value

    @classmethod
    def of(cls, code: "Code | str") -> "Code":
        """The member for a code's text; an unregistered code is a bug in our code and raises ValueError."""
        return cls(code)  # type: ignore[call-arg]  # Enum lookup by value; mypy reads __new__'s signature

    # Reading files
    EMPTY_FILE = ("empty-file", Severity.ERROR, "the file is empty")
    BINARY_FILE = ("binary-file", Severity.ERROR, "the file is binary, not text")
    ENCODING = ("encoding", Severity.ERROR, "the file is not UTF-8")
    FRONT_MATTER_MISSING = ("front-matter-missing", Severity.ERROR, "no `---` block at the top of the file")
    FRONT_MATTER_UNCLOSED = ("front-matter-unclosed", Severity.ERROR, "a front-matter block that never closes")
    YAML_SYNTAX = ("yaml-syntax", Severity.ERROR, "YAML that does not parse")
    TAB_INDENT = ("tab-indent", Severity.ERROR, "tabs used for indentation")
    DUPLICATE_KEY = ("duplicate-key", Severity.ERROR, "a key given twice in one mapping")
    MISSING_CONFIG = ("missing-config", Severity.ERROR, "a site_config/ file is missing")
    MISSING_TITLE = ("missing-title", Severity.ERROR, "a hand-written page without a title")
    RESERVED_PAGE_NAME = ("reserved-page-name", Severity.ERROR,
                          "a hand-written page named like a generated section")
    # Hostile files, refused before they are read or parsed
    SYMLINK_OUTSIDE = ("symlink-outside", Severity.ERROR, "a file or folder linked to a place outside the project")
    FILE_TOO_LARGE = ("file-too-large", Severity.ERROR, "a file over site_config limits.file_bytes")
    FRONT_MATTER_TOO_LARGE = ("front-matter-too-large", Severity.ERROR,
                              "front matter over site_config limits.front_matter_bytes")
    CASE_CLASH = ("case-clash", Severity.ERROR, "two content files whose names differ only in case")
    UNREADABLE_FILE = ("unreadable-file", Severity.ERROR, "a file the operating system will not let us read")
    # The schema
    UNKNOWN_KEY = ("unknown-key", Severity.ERROR, "a field the schema does not have")
    MISSING_FIELD = ("missing-field", Severity.ERROR, "a required field is missing")
    WRONG_TYPE = ("wrong-type", Severity.ERROR, "a value of the wrong type")
    OUT_OF_RANGE = ("out-of-range", Severity.ERROR, "a number outside its allowed range")
    INVALID_VALUE = ("invalid-value", Severity.ERROR, "a value the field does not accept")
    # Where files are
    MISPLACED_FILE = ("misplaced-file", Severity.ERROR, "a file outside content/models/<provider>/<model-id>.md")
    BAD_PATH = ("bad-path", Severity.ERROR, "a file or folder name that cannot be an id")
    # Cross-references and consistency
    UNKNOWN_PROVIDER = ("unknown-provider", Severity.ERROR, "a provider not in site_config/providers.yaml")
    UNKNOWN_BRACKET = ("unknown-bracket", Severity.ERROR, "a bracket not in site_config/brackets.yaml")
    UNKNOWN_MODEL = ("unknown-model", Severity.ERROR, "a reference to a review that does not exist")
    SELF_REFERENCE = ("self-reference", Severity.ERROR, "a review that names itself")
    DUPLICATE_ID = ("duplicate-id", Severity.ERROR, "a name, alias or snapshot id used by two models")
    BRACKET_PRICE = ("bracket-price", Severity.WARNING, "the output price lies outside the bracket's band")
    LIMIT_ORDER = ("limit-order", Severity.ERROR, "max output above the context window, or a tier beyond it")
    DATE_ORDER = ("date-order", Severity.ERROR, "knowledge cutoff ≤ release ≤ review violated")
    FUTURE_DATE = ("future-date", Severity.ERROR, "a date after today")
    PRICE_HISTORY_ORDER = ("price-history-order", Severity.ERROR, "price history not oldest-first")
    PRICE_HISTORY_MISMATCH = ("price-history-mismatch", Severity.ERROR,
                              "the newest price-history entry differs from the current price")
    STALE_DATA = ("stale-data", Severity.WARNING, "prices or grades older than the staleness limits")
    NO_PROSE = ("no-prose", Severity.WARNING, "a review with front matter only")
    FAQ_REPEATS_DERIVED = ("faq-repeats-derived", Severity.WARNING,
                           "an editor FAQ question the page already answers from the data")
    FAQ_DUPLICATE = ("faq-duplicate", Severity.WARNING, "an FAQ question asked earlier in the same FAQ")
    # Data bindings
    BINDING_SYNTAX = ("binding-syntax", Severity.ERROR, "a `{{ ... }}` binding that cannot be read")
    BINDING_UNKNOWN_MODEL = ("binding-unknown-model", Severity.ERROR, "a binding naming a model that does not exist")
    BINDING_UNKNOWN_FIELD = ("binding-unknown-field", Severity.ERROR, "a binding naming a field that does not exist")
    # Claims in prose (severity set per kind in site_config/site.yaml `claims:`)
    CLAIM_PRICE = ("claim-price", Severity.ERROR, "a price in prose that contradicts the data")
    CLAIM_LIMIT = ("claim-limit", Severity.ERROR, "a token limit in prose that contradicts the data")
    CLAIM_RATIO = ("claim-ratio", Severity.ERROR, "a price ratio in prose that contradicts the data")
    CLAIM_MONTHLY_COST = ("claim-monthly-cost", Severity.ERROR, "a monthly bill in prose that contradicts the data")
    CLAIM_DATE = ("claim-date", Severity.ERROR, "a release, cutoff or retirement date in prose that contradicts the data")
    CLAIM_SCORE = ("claim-score", Severity.ERROR, "a benchmark score in prose that contradicts the data")
    # Templates
    TEMPLATE_ERROR = ("template-error", Severity.ERROR, "a template in templates/ failed to render")
