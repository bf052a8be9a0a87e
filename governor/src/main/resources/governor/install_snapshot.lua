-- Installs one exchange snapshot atomically and releases the reservations it makes redundant (contract §3.7, §3.8).
-- Layout: RESERVATIONS.md (governor); release() and now_ms come from the prelude lib.lua. Runs only for the lease holder, so a poller that lost its lease mid-fetch
-- cannot overwrite a newer snapshot.
--
-- KEYS: 1 lease, 2 positions, 3 marks, 4 meta,
--       5 reservations, 6 reservations:expiry, 7 reservations:filled, 8 reservations:symbols, 9 reservations:notional,
--       10 exchange:open (SET of open symbols), 11 reservations:unopened
-- ARGV: 1 instance, 2 fetch_ms, 3 ms from the fetch start to this call (local clock), 4 positions_open,
--       5 total_notional, 6 wallet_balance, 7 available_balance, 8 weight_used, 9 notional_unknown ('' = none),
--       10 n = number of positions, then n pairs (symbol, position JSON), then pairs (symbol, mark) to the end
-- Returns {installed 1|0, reservations released, installed_at_ms}

if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return {0, 0, 0}
end

local function hset_pairs(key, from, to)
  -- HSET in slices: unpack() of thousands of values can exceed Lua's C stack
  local i = from
  while i <= to do
    local last = math.min(i + 399, to)
    redis.call('HSET', key, unpack(ARGV, i, last))
    i = last + 1
  end
end

local n = tonumber(ARGV[10])
local pos_from, pos_to = 11, 10 + 2 * n
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4], KEYS[10])
if n > 0 then hset_pairs(KEYS[2], pos_from, pos_to) end
-- The open-symbol set lets the decide script count projected positions with set operations (RESERVATIONS.md).
local open = {}
for i = pos_from, pos_to, 2 do
  local ok, p = pcall(cjson.decode, ARGV[i + 1])
  if ok and type(p) == 'table' and (tonumber(p.amt) or 0) ~= 0 then
    redis.call('SADD', KEYS[10], ARGV[i])
    open[ARGV[i]] = true
  end
end
-- …:unopened counts reserved symbols outside the open set, which this install just replaced: recount (O(reserved
-- symbols), once per install rather than per decision).
local unopened = 0
for _, s in ipairs(redis.call('HKEYS', KEYS[8])) do
  if not open[s] then unopened = unopened + 1 end
end
redis.call('SET', KEYS[11], string.format('%d', unopened))
if #ARGV > pos_to then hset_pairs(KEYS[3], pos_to + 1, #ARGV) end
redis.call('HSET', KEYS[4],
  'installed_at_ms', string.format('%d', now_ms),
  'fetch_ms', ARGV[2],
  'status', 'ok',
  'last_error', '',
  'positions_open', ARGV[4],
  'total_notional', ARGV[5],
  'wallet_balance', ARGV[6],
  'available_balance', ARGV[7],
  'weight_used', ARGV[8])
if ARGV[9] ~= '' then redis.call('HSET', KEYS[4], 'notional_unknown', ARGV[9]) end

local R_FILLED = KEYS[7]

-- A fill is visible in this snapshot only if it happened before the fetch began. The start is computed on the
-- Redis clock as now minus the locally measured delay, which errs early: a borderline fill stays reserved
-- (over-count), never released too soon.
local fetch_started_ms = now_ms - tonumber(ARGV[3])
local released = 0
for _, plan_id in ipairs(redis.call('ZRANGEBYSCORE', R_FILLED, '-inf', '(' .. fetch_started_ms)) do
  if release(plan_id) then released = released + 1 end
end
return {1, released, now_ms}
