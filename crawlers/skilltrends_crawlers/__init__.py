"""The Scrapy project: spiders select and yield; parsing lives in skilltrends.crawl (pure functions)."""
