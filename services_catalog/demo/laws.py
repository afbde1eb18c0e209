"""Legal bases cited by the demo services, read from data/laws.yaml: key -> (Chinese title, English title)."""

from .datafile import DATA_DIR, entries, read, text


def laws_read(path):
    data, at = read(path)
    return {key: text(value, at / key) for key, value in entries(data, at).items()}


LAWS = laws_read(DATA_DIR / "laws.yaml")
