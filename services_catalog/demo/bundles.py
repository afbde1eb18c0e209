"""The demo's life-event bundles (data/bundles.yaml), loaded after the demo flows, since a bundle's shared questions
are checked against its members' flows. Safe to run again: a bundle is rewritten only when its file changed, and a
version is published only when what it says changed (bundles.bundle_publish)."""

from django.db import transaction

from ..bundles import bundle_publish
from ..models import Bundle, BundleInclusion, BundleMember, BundleQuestion, LifeEvent
from .datafile import DATA_DIR, mapping, read, scalar, sequence, text

FIELDS = ("slug", "life_event", "name", "summary", "who", "keywords", "members", "questions")


def _member(value, at):
    if isinstance(value, str):
        return BundleMember(service_code=value)
    entry = mapping(value, at, required=("code",), optional=("optional", "condition"))
    condition_zh, condition_en = text(entry["condition"], at / "condition") if "condition" in entry else ("", "")
    optional = scalar(entry.get("optional", False), at / "optional", kind=bool)
    return BundleMember(
        service_code=scalar(entry["code"], at / "code"),
        inclusion=BundleInclusion.OPTIONAL if optional else BundleInclusion.ALWAYS,
        condition_zh=condition_zh,
        condition_en=condition_en,
    )


def _question(value, at):
    entry = mapping(value, at, required=("key", "type", "label", "targets"))
    label_zh, label_en = text(entry["label"], at / "label")
    targets = [scalar(target, at / "targets" / index) for index, target in enumerate(sequence(entry["targets"], at))]
    return BundleQuestion(
        key=scalar(entry["key"], at / "key"),
        type=scalar(entry["type"], at / "type"),
        label_zh=label_zh,
        label_en=label_en,
        targets="\n".join(targets),
    )


def bundles_read(path=DATA_DIR / "bundles.yaml"):
    data, at = read(path)
    bundles = []
    for index, value in enumerate(sequence(data, at)):
        where = at / index
        entry = mapping(value, where, required=FIELDS[:6], optional=FIELDS[6:])
        fields = {"slug": scalar(entry["slug"], where / "slug")}
        for part in ("name", "summary", "who", "keywords"):
            fields[f"{part}_zh"], fields[f"{part}_en"] = text(entry[part], where / part)
        members = [_member(item, where / "members" / i) for i, item in enumerate(sequence(entry["members"], where))]
        questions = [
            _question(item, where / "questions" / i)
            for i, item in enumerate(sequence(entry.get("questions", []), where))
        ]
        bundles.append((fields, scalar(entry["life_event"], where / "life_event"), members, questions))
    return bundles


def load_demo_bundles(actor=None):
    """Create or update the demo bundles and publish them; returns [(slug, version number, created)]."""
    results = []
    for order, (fields, event_slug, members, questions) in enumerate(bundles_read()):
        with transaction.atomic():
            bundle = Bundle.objects.filter(slug=fields["slug"]).first() or Bundle(slug=fields["slug"])
            for name, value in fields.items():
                setattr(bundle, name, value)
            bundle.life_event = LifeEvent.objects.filter(slug=event_slug).first()
            bundle.sort_order = (order + 1) * 10
            bundle.members = members
            bundle.shared_questions = questions
            bundle.save()
            version, created = bundle_publish(bundle=bundle, actor=actor)
        results.append((bundle.slug, version.number, created))
    return results
