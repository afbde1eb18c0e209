from .preferences import lazy_preferences


class DisplayPreferencesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.display_preferences = lazy_preferences(request)
        return self.get_response(request)
