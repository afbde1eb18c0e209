"""What editors may put in content, the same on every page model and block: rich text with headings h2 to h4
only (the page's title is its one h1; deeper levels make outlines screen-reader users cannot follow), no
images or embeds inside rich text (images go in an ImageBlock, which asks for alt text or "decorative")."""

RICH_TEXT_HEADINGS = ("h2", "h3", "h4")
RICH_TEXT_FEATURES = [*RICH_TEXT_HEADINGS, "bold", "italic", "ol", "ul", "link"]
