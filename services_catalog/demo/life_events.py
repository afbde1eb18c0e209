"""一件事: the moments in life when people need several services together, read from data/life_events.yaml."""

from .datafile import DATA_DIR, read, record, sequence


def life_events_read(path):
    data, at = read(path)
    return [
        record(entry, at / index, ("slug", "name", "summary"), texts=("name", "summary"))
        for index, entry in enumerate(sequence(data, at))
    ]


LIFE_EVENTS = life_events_read(DATA_DIR / "life_events.yaml")
