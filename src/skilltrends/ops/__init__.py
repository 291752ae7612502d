"""Operations: the schedule file and its jobs, run status, alerts, and per-run logs (issue 7).

    schedule.py  parse and check the schedule TOML, build the APScheduler jobs (stored in the project's database)
    jobs.py      what each kind of job does; the job_runs record; one log file per run
    runner.py    run the scheduler until SIGTERM/SIGINT, then stop cleanly
    status.py    per-source runs, next runs, counts, freshness, problems
    alerts.py    alerts to the log and to a notifier command or webhook
    logs.py      per-run log files, run-id tags, rotation
"""
