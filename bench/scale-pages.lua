-- wrk script for bench/scale-pages.sh: prints one machine-readable line at the end of a run with the requests/s,
-- the 50th and 95th percentile latency in milliseconds (wrk's own --latency output stops at 50/75/90/99), the
-- requests made and wrk's count of responses that were not 2xx or 3xx. (A redirect to sign-in would be a 3xx,
-- so the script checks every page once for a 200 before timing it.)
-- Given a file of paths (wrk ... URL -- FILE), each request takes the next path in turn, each thread from its own
-- part of the list (the first thread from the start, the second from the middle, as scale-pages.sh runs two), so the
-- two do not ask for the same paths together (for the data export: one person exported twice at once).

local threads = 0
local paths = nil
local next_path = 0

setup = function(thread)
    thread:set("number", threads)
    threads = threads + 1
end

init = function(args)
    if args[1] ~= nil then
        paths = {}
        for line in io.lines(args[1]) do
            if line ~= "" then paths[#paths + 1] = line end
        end
        next_path = (number or 0) * math.floor(#paths / 2)
    end
end

request = function()
    if paths == nil then
        return wrk.request()
    end
    next_path = next_path % #paths + 1
    return wrk.format(nil, paths[next_path])
end

done = function(summary, latency, requests)
    local seconds = summary.duration / 1000000
    io.write(string.format("RESULT %.1f %.1f %.1f %d %d\n",
        summary.requests / seconds,
        latency:percentile(50) / 1000,
        latency:percentile(95) / 1000,
        summary.requests,
        summary.errors.status))
end
