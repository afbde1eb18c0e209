from .preferences import preferences_from_request


class DisplayPreferencesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.display_preferences = preferences_from_request(request)
        return self.get_response(request)
