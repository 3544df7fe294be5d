-- Shared by the wrk scripts of bench/run till-api: each thread reads its arguments and counts the answers other
-- than the one expected, and the run ends with one line of figures that TillApiBenchmark reads.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("id", #threads)
end

-- The arguments after "--": the file of member numbers, the till's key, and a label for this run.
function init(args)
    members = {}
    for line in io.lines(args[1]) do
        table.insert(members, line)
    end
    key = args[2]
    run = args[3]
    counter = 0
    errors = 0
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
