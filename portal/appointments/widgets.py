"""A radio group split into smaller groups, each a fieldset with its own legend (the days of a choice of
times). Drawn like every other radio button (accessibility/widgets/choice_option.html); the option ids
run id_0, id_1, … across the groups, so the error summary's link (the first option) finds its target."""

from accessibility.forms import Radios


class GroupedRadios(Radios):
    template_name = "appointments/widgets/grouped_radios.html"

    def __init__(self, attrs=None, choices=(), unavailable=()):
        super().__init__(attrs, choices)
        self.unavailable = {str(value) for value in unavailable}

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        base = (attrs or {}).get("id") or self.attrs.get("id")
        number = 0
        for _group, options, _index in groups:
            for option in options:
                if base:
                    option["attrs"]["id"] = f"{base}_{number}"
                if str(option["value"]) in self.unavailable:
                    option["attrs"]["disabled"] = True
                number += 1
        return groups
