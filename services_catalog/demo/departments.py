"""Provincial departments that publish services, with the letters used in their service codes
("370000-GA-0012": province, department, number), read from data/departments.yaml."""

from .datafile import DATA_DIR, read, record, sequence

# Each entry: code (the slug), abbr (the letters in service codes), phone, name and description in both languages.
FIELDS = ("code", "abbr", "phone", "name", "description")


def departments_read(path):
    data, at = read(path)
    return [
        record(entry, at / index, FIELDS, texts=("name", "description"))
        for index, entry in enumerate(sequence(data, at))
    ]


DEPARTMENTS = departments_read(DATA_DIR / "departments.yaml")
ABBREVIATIONS = {department["code"]: department["abbr"] for department in DEPARTMENTS}
