-- wrk script for bench/run till-api: every request a new 3-line purchase for one of the members in the file
-- named by the first argument, with its own receipt number and Idempotency-Key; the second argument is the
-- till's key, the third a label that keeps the receipts of one run apart from another's.
dofile("bench/wrk/common.lua")
expected_status = 201

function request()
    counter = counter + 1
    local member = members[(counter * 2 + id) % #members + 1]
    local body = string.format([[{"memberNumber":"%s","receiptNumber":"W%s-%d-%d","purchasedAt":"%s","currency":"CNY","total":31.50,"lines":[
 {"sku":"6901","name":"local greens","category":"local-produce","quantity":2,"unitPrice":9.50,"green":true,"co2eGrams":120},
 {"sku":"6902","name":"crisps","category":"snacks","quantity":1,"unitPrice":7.50,"green":false},
 {"sku":"6903","name":"water","category":"drinks","quantity":2,"unitPrice":2.50,"green":false}]}]],
        member, run, id, counter, os.date("!%Y-%m-%dT%H:%M:%SZ"))
    return wrk.format("POST", "/api/v1/purchases", {
        ["Authorization"] = "Bearer " .. key,
        ["Content-Type"] = "application/json",
        ["Idempotency-Key"] = string.format("wrk-%s-%d-%d", run, id, counter)
    }, body)
end
