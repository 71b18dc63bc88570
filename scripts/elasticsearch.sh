#!/usr/bin/env bash
# placeholder until index/elastic lands: start/stop do nothing, url prints nothing
case "${1:-}" in start|stop) exit 0;; url) echo "";; esac
