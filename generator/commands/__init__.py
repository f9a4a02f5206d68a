"""One module per `modelreview` subcommand; each exposes a `run_*` function the CLI calls."""
