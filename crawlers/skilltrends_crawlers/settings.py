"""Scrapy settings. Polite by default for real job boards; `skilltrends crawl` relaxes them for loopback mirrors.

https://docs.scrapy.org/en/latest/topics/settings.html
"""

from skilltrends.config import DEFAULT_USER_AGENT

BOT_NAME = "skilltrends"
SPIDER_MODULES = ["skilltrends_crawlers.spiders"]
NEWSPIDER_MODULE = "skilltrends_crawlers.spiders"

# Who we are and how to reach us: run_spider passes SKILLTRENDS_USER_AGENT / SKILLTRENDS_CONTACT_URL as -s USER_AGENT.
USER_AGENT = DEFAULT_USER_AGENT
ROBOTSTXT_OBEY = True

# Politeness: at most 2 requests at a time per domain, AutoThrottle adapts the delay to the server's latency.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 64 * 1024 * 1024
DOWNLOAD_WARNSIZE = 16 * 1024 * 1024
REDIRECT_MAX_TIMES = 10

# Retries back off (exponentially, or as long as Retry-After asks, at most RETRY_MAX_DELAY seconds) without
# blocking the reactor: skilltrends_crawlers.middlewares.BackoffRetryMiddleware replaces Scrapy's RetryMiddleware.
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
RETRY_BACKOFF_BASE = 2.0
RETRY_MAX_DELAY = 120.0
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "skilltrends_crawlers.middlewares.BackoffRetryMiddleware": 550,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "skilltrends_crawlers.middlewares.RobotsTxtMiddleware": 100,
}

# Development switch: `skilltrends crawl --http-cache` replays responses kept in $SKILLTRENDS_HOME/httpcache
# instead of asking the boards again (plain `scrapy crawl -s HTTPCACHE_ENABLED=True`: crawlers/.scrapy/httpcache).
HTTPCACHE_ENABLED = False
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_IGNORE_HTTP_CODES = [429, 500, 502, 503, 504]

# Pause and resume: `skilltrends crawl --jobdir DIR` (-s JOBDIR=DIR) keeps the request queue and seen requests
# on disk; stop with one Ctrl-C (or SIGTERM) and run the same command again to carry on.
JOBDIR = None

# Our pipelines are synchronous, so items gain nothing from running side by side, while Scrapy starts that many
# asyncio tasks for every response: 100 (the default) cost a tenth of the JSON-LD spider's time (cProfile).
CONCURRENT_ITEMS = 4

ITEM_PIPELINES = {
    "skilltrends_crawlers.pipelines.ValidatePipeline": 100,
    "skilltrends_crawlers.pipelines.StorePipeline": 800,
}

# Where the store lives; StorePipeline is off (NotConfigured) without it.
SKILLTRENDS_DATABASE_URL = ""
SKILLTRENDS_RUN_ID = None
SKILLTRENDS_STORE_BATCH = 200

# No consoles into a running crawl: the telnet console and Scrapy 2.19's remote-control HTTP server (which runs
# Python sent to it) are attack surface a scheduled crawler does not need; the latter also slows start and stop.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
