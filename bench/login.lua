-- wrk script: every request is a full login (POST /api/login with a JWT the mock accepts).
-- At the end it prints one line starting with "BENCH " for bench/run to read:
-- requests, duration, latency percentiles (microseconds), socket errors and answers by status.

-- The mock picks its behaviour by the JWT's first word: "test" succeeds. The rest is shaped like
-- a real JWT (three base64url parts, a few hundred bytes), so the headers we parse and send on are
-- of a realistic size.
local jwt = "test-eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"
    .. ".eyJzdWIiOiJiZW5jaC11c2VyIiwiaXNzIjoiaHR0cHM6Ly9hbHRzY29kZXguY29tIiwiYXVkIjoiYmVuY2gt"
    .. "Y2xpZW50IiwiZXhwIjo0MTAyNDQ0ODAwLCJpYXQiOjE3MDAwMDAwMDAsImp0aSI6ImJlbmNoIn0"
    .. ".c2lnbmF0dXJlLW9mLWEtYmVuY2htYXJrLWp3dC10aGF0LW5vYm9keS1jaGVja3MtYXQtYWxsLWJ1dC10aGUtbW9jaw"

wrk.method = "POST"
wrk.body = '{"jwt":"' .. jwt .. '"}'
wrk.headers["Content-Type"] = "application/json"

-- each wrk thread has its own Lua state: keep a handle on every thread to sum their counts in done()
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

statuses = {}

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local counts = {}
    for _, thread in ipairs(threads) do
        for status, n in pairs(thread:get("statuses")) do
            counts[status] = (counts[status] or 0) + n
        end
    end
    local parts = {}
    for status, n in pairs(counts) do
        table.insert(parts, string.format('"%d":%d', status, n))
    end
    local e = summary.errors
    io.write(string.format(
        'BENCH {"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,'
            .. '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,"statuses":{%s}}\n',
        summary.requests, summary.duration,
        latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
        e.connect, e.read, e.write, e.timeout, table.concat(parts, ",")))
end
