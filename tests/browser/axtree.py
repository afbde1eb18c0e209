"""The accessibility tree Chromium computes for the page, as a screen reader receives it, read through the
Chrome DevTools Protocol (Accessibility.getFullAXTree) and joined to the DOM elements it came from.

    tree = ax_tree(driver)                              # the page the browser shows now
    tree.find_all(role="heading")                       # AXNode objects, document order, ignored nodes skipped
    tree.find(role="button", name="Save and continue")  # the first match, or None
    tree.outline()                                      # [(level, name), ...] for every heading
    outline_problems(tree.outline())                    # "two h1", "h2 followed by h4", ...
    tree, controls = controls_with_tree(driver)         # and every control in the Tab order, with its visible label

Names and roles are Chromium's own (the ones its accessibility API gives NVDA, JAWS, VoiceOver, TalkBack):
"heading", "link", "button", "textbox", "radio", "checkbox", "combobox", "group", "radiogroup", "status",
"alert", "StaticText" (a run of text), "RootWebArea" (the document), "generic", ...
"""

import unicodedata
from dataclasses import dataclass, field

# Marks the elements JavaScript looked at, so their accessibility nodes can be found (a data attribute changes
# nothing a screen reader gets). Removed again after the tree is read.
MARK = "data-axtree"

# The controls in the Tab order, with the label a sighted user sees: the text of its <label> elements for a
# form control, its own text for a link or button (text inside visually hidden elements is not visible);
# none for a focusable container such as a scrolling table, whose text is its content.
CONTROLS_SCRIPT = """
const mark = arguments[0];
function hidden(element) {
  const style = getComputedStyle(element);
  if (style.display === "none" || style.visibility === "hidden") return true;
  const rect = element.getBoundingClientRect();
  const clipped = style.clip === "rect(0px, 0px, 0px, 0px)" || style.clipPath === "inset(50%)";
  return clipped || (rect.width <= 1 && rect.height <= 1 && style.overflow === "hidden");
}
function visibleText(root) {
  let text = "";
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let visible = true;
    for (let element = node.parentElement; element && element !== root.parentElement; element = element.parentElement) {
      if (hidden(element)) { visible = false; break; }
    }
    if (visible) text += node.textContent;
  }
  return text.replace(/\\s+/g, " ").trim();
}
function describe(element) {
  let text = element.tagName.toLowerCase();
  if (element.id) text += "#" + element.id;
  if (element.getAttribute("name")) text += "[name=" + element.getAttribute("name") + "]";
  if (element.type && element.tagName === "INPUT") text += "[type=" + element.type + "]";
  if (element.getAttribute("href")) text += "[href=" + element.getAttribute("href").slice(0, 60) + "]";
  if (!element.id && element.className && typeof element.className === "string") {
    text += "." + element.className.trim().split(/\\s+/).join(".");
  }
  return text;
}
document.querySelectorAll("[" + mark + "]").forEach(element => element.removeAttribute(mark));
const found = [];
const selector = "a[href], button, input, select, textarea, summary, [tabindex], [contenteditable]";
document.querySelectorAll(selector).forEach(element => {
  if (element.tabIndex < 0 || element.disabled || element.type === "hidden") return;
  if (hidden(element) && !element.closest(".skip-link")) return;
  const form = ["INPUT", "SELECT", "TEXTAREA"].includes(element.tagName)
    && !["submit", "button", "reset", "image"].includes(element.type);
  let label;
  if (form) {
    label = Array.from(element.labels || []).map(visibleText).filter(Boolean).join(" ");
  } else if (element.tagName === "INPUT") {
    label = element.value || "";
  } else if (element.matches("a, button, summary, [role=button], [role=link], [role=tab], [role=menuitem]")) {
    label = visibleText(element);
  } else {
    label = "";  // a focusable container (a scrolling table): its text is content, not a label
  }
  element.setAttribute(mark, String(found.length));
  found.push({index: found.length, describe: describe(element), tag: element.tagName.toLowerCase(),
              type: element.type || "", id: element.id || "", label: label, form: form});
});
return found;
"""


@dataclass(eq=False)
class AXNode:
    id: str
    role: str
    name: str
    ignored: bool
    properties: dict
    backend_id: int | None
    description: str = ""
    value: str = ""
    parent: "AXNode | None" = None
    children: list = field(default_factory=list)
    dom: dict | None = None  # {"tag": "input", "attributes": {...}} of the element, when it is one

    def __repr__(self):
        return f"<AXNode {self.role} {self.name!r}>"

    def walk(self, *, include_ignored=False):
        """This node and everything under it, in document order."""
        if include_ignored or not self.ignored:
            yield self
        for child in self.children:
            yield from child.walk(include_ignored=include_ignored)

    def ancestors(self):
        node = self.parent
        while node is not None:
            if not node.ignored:
                yield node
            node = node.parent

    def text(self):
        """All the text under this node as a screen reader would read it in browse mode."""
        return " ".join(node.name for node in self.walk() if node.role == "StaticText" and node.name).strip()

    def find_all(self, role=None, name=None, contains=None, predicate=None):
        return [node for node in self.walk() if _matches(node, role, name, contains, predicate)]

    def find(self, role=None, name=None, contains=None, predicate=None):
        return next(iter(self.find_all(role, name, contains, predicate)), None)

    @property
    def level(self):
        return self.properties.get("level")

    @property
    def focusable(self):
        return bool(self.properties.get("focusable"))

    @property
    def focused(self):
        return bool(self.properties.get("focused"))

    @property
    def live(self):
        """ "polite" or "assertive" when this node is a live region (role status or alert, or aria-live)."""
        live = self.properties.get("live")
        if live in ("polite", "assertive"):
            return live
        return {"status": "polite", "log": "polite", "alert": "assertive"}.get(self.role)

    @property
    def tag(self):
        return (self.dom or {}).get("tag", "")

    @property
    def attributes(self):
        return (self.dom or {}).get("attributes", {})


def _matches(node, role, name, contains, predicate):
    if role is not None and node.role not in ((role,) if isinstance(role, str) else role):
        return False
    if name is not None and normalise(node.name) != normalise(name):
        return False
    if contains is not None and normalise(contains) not in normalise(node.name):
        return False
    return predicate is None or predicate(node)


@dataclass
class AXTree:
    root: AXNode
    nodes: dict  # AX node id -> AXNode
    by_backend: dict  # backend DOM node id -> AXNode
    marked: dict  # the CONTROLS_SCRIPT index -> AXNode

    def walk(self):
        return self.root.walk()

    def find_all(self, role=None, name=None, contains=None, predicate=None):
        return self.root.find_all(role, name, contains, predicate)

    def find(self, role=None, name=None, contains=None, predicate=None):
        return self.root.find(role, name, contains, predicate)

    def by_id(self, element_id):
        """The accessibility node of the element with this id attribute, or None."""
        return next((node for node in self.by_backend.values() if node.attributes.get("id") == element_id), None)

    def focused(self):
        """The node with focus: the deepest one marked focused (the document is marked too)."""
        return next((node for node in reversed(list(self.root.walk())) if node.focused), None)

    def outline(self):
        """[(level, name)] of every heading a screen reader lists, in order."""
        return [(int(node.level or 0), node.name) for node in self.find_all(role="heading")]

    def live_regions(self):
        return [node for node in self.walk() if node.live]


def ax_tree(driver):
    """Read the accessibility tree of the page `driver` shows. Elements CONTROLS_SCRIPT marked just before
    have their nodes in `marked` (and lose the mark)."""
    driver.execute_cdp_cmd("Accessibility.enable", {})
    try:
        raw = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
        document = driver.execute_cdp_cmd("DOM.getDocument", {"depth": -1, "pierce": False})["root"]
    finally:
        driver.execute_cdp_cmd("Accessibility.disable", {})
    elements = {}
    _collect_elements(document, elements)
    nodes = {}
    for item in raw:
        properties = {prop["name"]: prop.get("value", {}).get("value") for prop in item.get("properties", [])}
        node = AXNode(
            id=item["nodeId"],
            role=str(item.get("role", {}).get("value", "")),
            name=str(item.get("name", {}).get("value", "") or ""),
            ignored=bool(item.get("ignored")),
            properties=properties,
            backend_id=item.get("backendDOMNodeId"),
            description=str(item.get("description", {}).get("value", "") or ""),
            value=str(item.get("value", {}).get("value", "") or ""),
        )
        node.dom = elements.get(node.backend_id)
        node._child_ids = item.get("childIds", [])
        nodes[node.id] = node
    for node in nodes.values():
        node.children = [nodes[child] for child in node._child_ids if child in nodes]
        for child in node.children:
            child.parent = node
    roots = [node for node in nodes.values() if node.parent is None]
    root = next((node for node in roots if node.role == "RootWebArea"), roots[0])
    by_backend = {node.backend_id: node for node in nodes.values() if node.backend_id is not None}
    marked = {}
    for node in by_backend.values():
        index = node.attributes.get(MARK)
        if index is not None:
            marked[int(index)] = node
    if marked:
        driver.execute_script(f"document.querySelectorAll('[{MARK}]').forEach(e => e.removeAttribute('{MARK}'))")
    return AXTree(root=root, nodes=nodes, by_backend=by_backend, marked=marked)


def _collect_elements(dom_node, elements):
    if dom_node.get("nodeType") == 1:
        values = dom_node.get("attributes", [])
        elements[dom_node["backendNodeId"]] = {
            "tag": dom_node.get("localName", ""),
            "attributes": dict(zip(values[::2], values[1::2], strict=True)),
        }
    for key in ("children", "shadowRoots", "pseudoElements"):
        for child in dom_node.get(key, []):
            _collect_elements(child, elements)
    if "contentDocument" in dom_node:
        _collect_elements(dom_node["contentDocument"], elements)


@dataclass(frozen=True)
class Control:
    """A control in the Tab order: what a sighted user sees (label) and what a screen reader says (node)."""

    describe: str  # tag#id[name=..][type=..][href=..].classes, to say which element
    tag: str
    type: str
    label: str  # the visible label text
    node: AXNode | None  # its accessibility node (None: not in the accessibility tree at all)


def controls_with_tree(driver):
    """(tree, [Control]) for the page the browser shows."""
    found = driver.execute_script(CONTROLS_SCRIPT, MARK)
    tree = ax_tree(driver)
    controls = [
        Control(
            describe=item["describe"],
            tag=item["tag"],
            type=item["type"],
            label=item["label"],
            node=tree.marked.get(item["index"]),
        )
        for item in found
    ]
    return tree, controls


def normalise(text):
    """For comparing what is seen with what is spoken: case, whitespace, punctuation and symbols do not
    count (WCAG 2.5.3 understands "label in name" this way; CJK text has no spaces to rely on)."""
    text = unicodedata.normalize("NFKC", str(text or "")).casefold()
    return "".join(char for char in text if not char.isspace() and unicodedata.category(char)[0] not in "PSZC")


def label_in_name(label, name):
    return normalise(label) in normalise(name)


def outline_problems(outline):
    """What is wrong with a heading outline [(level, name)]: not exactly one h1, a heading without a name,
    or a level skipped on the way down (h2 then h4). A heading before the h1 may be an h2 (GOV.UK's error
    summary sits above the h1)."""
    problems = []
    ones = [name for level, name in outline if level == 1]
    if len(ones) != 1:
        problems.append(f"{len(ones)} h1 headings {ones}, expected exactly one")
    previous = 1
    for level, name in outline:
        if not normalise(name):
            problems.append(f"an h{level} without a name")
        if level > previous + 1:
            problems.append(f"h{level} {name!r} follows an h{previous}: a level is skipped")
        previous = level
    return problems


def describe_outline(outline):
    return "\n".join(f"{'  ' * (level - 1)}h{level} {name}" for level, name in outline)


# A readable outline of the tree, for failure messages: one line per node that says something.
def dump(node, depth=0, limit=400):
    lines = []

    def visit(current, level):
        if len(lines) >= limit:
            return
        shown = not current.ignored and current.role not in ("InlineTextBox", "generic", "none", "LineBreak")
        if shown:
            props = {
                key: value
                for key, value in current.properties.items()
                if key in ("level", "checked", "required", "invalid", "live", "focused", "expanded")
            }
            lines.append(f"{'  ' * level}{current.role} {current.name!r}" + (f" {props}" if props else ""))
        for child in current.children:
            visit(child, level + 1 if shown else level)

    visit(node, depth)
    return "\n".join(lines)
