from .base import *  # noqa: F403
from .base import env, env_bool

# The local demo (`make run`) looks like the product: the portal's own error pages, never Django's debug page
# with tracebacks and the machine's paths (DEBUG=1 in the environment turns the debug page on for development).
DEBUG = env_bool("DEBUG", False)
# The demo's known accounts (demo editor and staff, their printed password and security code) and the public
# images under MEDIA_ROOT are on here, and only here: production and test settings never set it.
PORTAL_DEMO = env_bool("PORTAL_DEMO", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-secret-key-not-for-production")  # noqa: S105
# Static files straight from static/ and the apps, as edited, without collectstatic, whatever DEBUG says.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
