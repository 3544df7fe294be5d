-- wrk script for bench/run till-api: every request the balance of one of the members in the file named by the first
-- argument, as a till display asks for it; the second argument is the till's key (the third is unused here).
local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("id", #threads)
end

function init(args)
    members = {}
    for line in io.lines(args[1]) do
        table.insert(members, line)
    end
    key = args[2]
    counter = 0
    errors = 0
end

function request()
    counter = counter + 1
    local member = members[(counter * 2 + id) % #members + 1]
    return wrk.format("GET", "/api/v1/members/" .. member .. "/balance", {["Authorization"] = "Bearer " .. key})
end

function response(status, headers, body)
    if status ~= 200 then
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
