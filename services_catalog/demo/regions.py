"""Shandong province, its 16 prefecture-level cities and some of their districts and counties, with
their administrative division codes (GB/T 2260) and English names, read from data/regions.yaml."""

from .datafile import DATA_DIR, mapping, read, scalar, sequence, text


def _region(value, at, more=()):
    """(code, Chinese, English) of a region entry, and the entry."""
    entry = mapping(value, at, required=("code", "name", *more))
    return (scalar(entry["code"], at / "code"), *text(entry["name"], at / "name")), entry


def regions_read(path):
    """The province as a row, and the cities as (code, Chinese, English, [(code, Chinese, English), ...])."""
    data, at = read(path)
    data = mapping(data, at, required=("province", "cities"))
    (code, name_zh, name_en), _entry = _region(data["province"], at / "province")
    cities = []
    for index, value in enumerate(sequence(data["cities"], at / "cities")):
        city, entry = _region(value, at / "cities" / index, more=("districts",))
        districts_at = at / "cities" / index / "districts"
        districts = [
            _region(district, districts_at / number)[0]
            for number, district in enumerate(sequence(entry["districts"], districts_at))
        ]
        cities.append((*city, districts))
    return {"code": code, "name_zh": name_zh, "name_en": name_en}, cities


PROVINCE, CITIES = regions_read(DATA_DIR / "regions.yaml")
CITY_CODES = [code for code, *_rest in CITIES]
CITY_NAMES = {code: (zh, en) for code, zh, en, _districts in CITIES}
DISTRICTS = [(code, city_code, zh, en) for city_code, _zh, _en, districts in CITIES for code, zh, en in districts]
