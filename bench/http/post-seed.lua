-- wrk script: POST the Arabic seed article to /api/summaries as text/plain.
-- Usage (from the repository root): wrk -t2 -c50 -d30s --latency -s bench/http/post-seed.lua http://127.0.0.1:17071/api/summaries
-- SEED overrides the article path.
local path = os.getenv("SEED") or "seeds/000_1c7e991db8deae7e.txt"
local file = assert(io.open(path, "rb"), "cannot open " .. path)
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"

local statuses = {}

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("requests: %d, errors (connect/read/write/status/timeout): %d/%d/%d/%d/%d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%s: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
