from wagtail import hooks

from .content_checker import use_portal_content_checker


@hooks.register("construct_wagtail_userbar")
def portal_accessibility_checker(request, items, page):
    use_portal_content_checker(items)
