-- wrk script of the Tether benchmarks for the workloads spread over many sessions. Arguments after "--": the
-- HTTP method, a file with one Cookie header value per line (one pre-created session each), and the number of
-- wrk threads. wrk runs one connection per thread here; thread N of T sends, request after request, the
-- sessions of lines N, N + T, N + 2T, ... and starts over: every request picks another session, and no two
-- connections ever use the same one, so no request waits for or conflicts with another on its session.
-- The requests are formatted once in init: per request, the script only moves an index (session.lua, with
-- its static request, stays the script of the other workloads). At the end it prints one RESULT line that
-- bench/run.sh reads.

local count = 0

function setup(thread)
   count = count + 1
   thread:set("line", count)
end

function init(args)
   local method, file, threads = args[1], args[2], tonumber(args[3])
   prepared = {}
   local n = 0
   for cookie in io.lines(file) do
      n = n + 1
      if (n - line) % threads == 0 and cookie ~= "" then
         prepared[#prepared + 1] = wrk.format(method, nil, { Cookie = cookie })
      end
   end
   if #prepared == 0 then
      error("no session for thread " .. line .. " in " .. file)
   end
   next_request = 0
end

function request()
   next_request = next_request % #prepared + 1
   return prepared[next_request]
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d non2xx=%d socket_errors=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
      e.status, e.connect + e.read + e.write + e.timeout))
end
