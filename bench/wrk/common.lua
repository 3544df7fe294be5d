-- Shared by the wrk scripts of bench/run till-api: each thread counts the answers other than the one expected, and
-- the run ends with one line of figures that TillApiBenchmark reads.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("id", #threads)
end

function read_members(path)
    local members = {}
    for line in io.lines(path) do
        table.insert(members, line)
    end
    return members
end

function response(status, headers, body)
    if status ~= expected_status then
        errors = errors + 1
    end
end

function done(summary, latency, requests)
    local failed = 0
    for _, thread in ipairs(threads) do
        failed = failed + thread:get("errors")
    end
    io.write(string.format("WRK requests=%d errors=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f\n", summary.requests, failed,
        summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
