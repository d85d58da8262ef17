import os

REDIS_URL = "redis://:Redis-Demo-Pass-77@cache.internal:6379/0"
STRIPE_API_KEY = os.environ["STRIPE_API_KEY"]
SMTP_PASSWORD = "Smtp-Demo-Pw-4411"
