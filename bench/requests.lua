-- wrk script of bench/requests.sh: a page under signed-in sessions, or a submission followed by its redirect.
--
--   wrk ... -s bench/requests.lua URL -- mode=get path=/review cookies=SESSION=a,SESSION=b
--   wrk ... -s bench/requests.lua URL -- mode=deal cookies=SESSION=a,SESSION=b tokens=t1,t2 seed=3 close=2027-02-05
--   wrk ... -s bench/requests.lua URL -- mode=owner cookies=JSESSIONID=a seed=3
--   wrk ... -s bench/requests.lua URL -- mode=api bearer=TOKEN seed=3 close=2027-02-05
-- Options: stop=N stopped=FILE: after N responses the thread stops and writes FILE, and the caller sends wrk SIGINT
-- (the counted pass: one thread, one connection, a long -d). dump=FILE writes each bad response to FILE-thread-n.html.
--
-- get:   every request GETs `path` with the next session's cookie (round robin); anything but 200 (a sign-in redirect, an error
--        page) counts as bad.
-- deal:  POST /deals with a new customer each time (a name no other request of the run or of another seed has),
--        then GET the registration it redirects to, as a browser does: the flash message is consumed, so it does
--        not pile up in the session. Each thread uses one session (cookies[thread % #cookies]). A POST must answer 302 to /deals/<uuid>; the GET must answer 200.
-- owner: the same with spring-petclinic's POST /owners/new and /owners/<id>.
-- api:   POST /api/v1/registrations with the bearer token, the same deal as JSON (a new customer each time); it must
--        answer 201 with the registration's Location. No page follows.
-- done() prints one line the shell script reads: RESULT key=value ...

local threads = {}
local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

local function split(s)
   local out = {}
   for item in string.gmatch(s or "", "[^,]+") do table.insert(out, item) end
   return out
end

-- A bijection of 0 .. 2^25-1 spelt as five syllables, so customers are unique and their names unlike each other
-- (consecutive numbers would give near-identical names that the conflict check's similarity search would all find).
local syllables = { "ba", "ko", "ri", "sen", "tu", "mal", "ve", "do", "pra", "lin", "go", "fe", "zan", "mu", "ti",
   "ros", "ka", "ne", "vol", "shi", "da", "pe", "lor", "qua", "ben", "ix", "har", "no", "sel", "tra", "vin", "yo" }

local function word(n, digits)
   local w = ""
   for _ = 1, digits do
      w = w .. syllables[(n % 32) + 1]
      n = math.floor(n / 32)
   end
   return w
end

local function capital(s) return (s:gsub("^%l", string.upper)) end

local function customer(u)
   local n = (u * 1664525 + 1013904223) % 33554432 -- odd multiplier: a bijection mod 2^25
   local first, last = word(n % 1024, 2), word(math.floor(n / 1024), 3)
   return capital(first) .. " " .. capital(last), first .. last
end

local function urlencode(s)
   return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
   local opts = {}
   for _, a in ipairs(args) do
      local k, v = a:match("^([%w_]+)=(.*)$")
      if k then opts[k] = v end
   end
   mode = opts.mode or "get"
   path = opts.path or "/"
   cookies = split(opts.cookies)
   tokens = split(opts.tokens)
   bearer = opts.bearer
   stop = tonumber(opts.stop or "0")
   stopped = opts.stopped or "/dev/null"
   dump = opts.dump -- where to write the responses counted as bad (FILE-thread-n.html)
   close = opts.close or ""
   amount = opts.amount or "90000"
   seed = tonumber(opts.seed or "0")
   id = tonumber(wrk.thread:get("id"))
   turn, made, follows = 0, 0, {}
   sent_posts, ok_posts, ok_gets, bad, responses = 0, 0, 0, 0, 0
end

local function form(fields)
   local parts = {}
   for _, kv in ipairs(fields) do table.insert(parts, kv[1] .. "=" .. urlencode(kv[2])) end
   return table.concat(parts, "&")
end

local function submission(i)
   -- unique over threads (64 at most) and over the runs of a benchmark (seed: one per wrk invocation, < 32)
   made = made + 1
   local name, slug = customer(seed * 1048576 + made * 64 + id)
   if mode == "api" then
      return wrk.format("POST", "/api/v1/registrations",
         { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. bearer }, string.format(
         '{"customerName":"%s Holdings","customerWebsite":"%s.example","customerCountry":"US","customerCity":"Columbus",'
         .. '"contactName":"Robin %s","contactEmail":"robin@%s.example","contactPhone":"+1 614 555 0100",'
         .. '"title":"Storage refresh for %s","description":"Two racks of storage and three years of support.",'
         .. '"specialization":"INFRASTRUCTURE","amount":%s,"currency":"USD","expectedCloseDate":"%s"}',
         name, slug, capital(slug), slug, name, amount, close))
   end
   local headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookies[i] }
   if mode == "deal" then
      return wrk.format("POST", "/deals", headers, form({
         { "_csrf", tokens[i] }, { "customerName", name .. " Holdings" }, { "customerWebsite", slug .. ".example" },
         { "customerCountry", "US" }, { "customerCity", "Columbus" }, { "contactName", "Robin " .. capital(slug) },
         { "contactEmail", "robin@" .. slug .. ".example" }, { "contactPhone", "+1 614 555 0100" },
         { "title", "Storage refresh for " .. name }, { "description", "Two racks of storage and three years of support." },
         { "specialization", "INFRASTRUCTURE" }, { "amount", amount }, { "currency", "USD" },
         { "expectedCloseDate", close }, { "competitors", "" } }))
   end
   return wrk.format("POST", "/owners/new", headers, form({
      { "firstName", capital(slug:sub(1, 4)) }, { "lastName", capital(slug) }, { "address", "12 Bench Street" },
      { "city", "Madison" }, { "telephone", string.format("%010d", (seed * 1048576 + made * 64 + id) % 10000000000) } }))
end

function request()
   if mode == "get" then
      turn = turn % #cookies + 1
      return wrk.format("GET", path, { ["Cookie"] = cookies[turn] })
   end
   if mode == "api" then
      sent_posts = sent_posts + 1
      return submission(nil)
   end
   -- a thread's connections share one session: a response does not say which connection it came on, and the
   -- redirect must be followed in the session that holds the flash message
   local mine = id % #cookies + 1
   if #follows > 0 then
      return wrk.format("GET", table.remove(follows, 1), { ["Cookie"] = cookies[mine] })
   end
   sent_posts = sent_posts + 1
   return submission(mine)
end

local stored = { deal = "(/deals/%x+%-%x+%-%x+%-%x+%-%x+)$", owner = "(/owners/%d+)$",
   api = "(/api/v1/registrations/%x+%-%x+%-%x+%-%x+%-%x+)$" }
-- the form answered again (with its errors) instead of the redirect: a submission that stored nothing
local form_again = { deal = 'id="deal%-form"', owner = 'id="add%-owner%-form"' }

local function refused(status, body)
   bad = bad + 1
   if dump then
      local f = io.open(dump .. "-" .. id .. "-" .. bad .. ".html", "w")
      f:write("HTTP ", status, "\n", body or "")
      f:close()
   end
end

function response(status, headers, body)
   responses = responses + 1
   if mode ~= "get" and status == (mode == "api" and 201 or 302) then
      local location = headers["Location"] or headers["location"] or ""
      local where = location:match(stored[mode])
      if where then
         ok_posts = ok_posts + 1
         if mode ~= "api" then table.insert(follows, where) end
      else
         refused(status, location)
      end
   elseif status == 200 and not (form_again[mode] and body:find(form_again[mode])) then
      ok_gets = ok_gets + 1
   else
      refused(status, body)
   end
   if stop > 0 and responses == stop then
      -- wrk waits out its duration whatever its threads do: the file tells the caller to end it now (SIGINT)
      wrk.thread:stop()
      local f = io.open(stopped, "w")
      f:write(responses, "\n")
      f:close()
   end
end

function done(summary, latency, requests)
   local t = { sent_posts = 0, ok_posts = 0, ok_gets = 0, bad = 0 }
   for _, thread in ipairs(threads) do
      for k, _ in pairs(t) do t[k] = t[k] + tonumber(thread:get(k)) end
   end
   local e = summary.errors
   io.write(string.format("RESULT requests=%d duration_us=%d p99_us=%d socket_errors=%d status_errors=%d "
      .. "bad=%d sent_posts=%d ok_posts=%d ok_gets=%d\n", summary.requests, summary.duration,
      latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status, t.bad, t.sent_posts, t.ok_posts,
      t.ok_gets))
end
