-- wrk script of the Tether benchmarks. Arguments after "--": the HTTP method, then a file with one Cookie
-- header value per line (or "-" for none). wrk runs one connection per thread here, so thread N sends the
-- cookie of line N: each connection keeps its own session (or, when all lines are equal, they share one).
-- At the end it prints one RESULT line that bench/run.sh reads.

local count = 0

function setup(thread)
   count = count + 1
   thread:set("line", count)
end

function init(args)
   wrk.method = args[1]
   if args[2] ~= nil and args[2] ~= "-" then
      local n = 0
      for cookie in io.lines(args[2]) do
         n = n + 1
         if n == line and cookie ~= "" then
            wrk.headers["Cookie"] = cookie
         end
      end
   end
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d non2xx=%d socket_errors=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
      e.status, e.connect + e.read + e.write + e.timeout))
end
