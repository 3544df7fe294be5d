-- wrk script for bench/run till-api: every request the balance of one of the members in the file named by the first
-- argument, as a till display asks for it; the second argument is the till's key (the third is unused here).
dofile("bench/wrk/common.lua")
expected_status = 200

function request()
    counter = counter + 1
    local member = members[(counter * 2 + id) % #members + 1]
    return wrk.format("GET", "/api/v1/members/" .. member .. "/balance", {["Authorization"] = "Bearer " .. key})
end
