-- Prelude shared by the Governor's scripts. GovernorScripts (Java) prepends it to decide, release, disarm, dlq and
-- install_snapshot when loading them: each stays one script, and its EVALSHA SHA covers prelude and body.
local R = 'quantum:governor:reservations'

local t_ = redis.call('TIME')
local now_ms = tonumber(t_[1]) * 1000 + math.floor(tonumber(t_[2]) / 1000)
local now_s = string.format('%d.%03d', math.floor(now_ms / 1000), now_ms % 1000)
local now_sec = now_ms / 1000

-- A JSON string as Python's json.dumps writes it (ensure_ascii).
local function jstr(s)
  return '"' .. string.gsub(s, '[%c"\\\128-\255]', function(c)
    if c == '"' then return '\\"' end
    if c == '\\' then return '\\\\' end
    if c == '\n' then return '\\n' end
    if c == '\r' then return '\\r' end
    if c == '\t' then return '\\t' end
    return string.format('\\u%04x', string.byte(c))
  end) .. '"'
end

-- YYYY-MM-DD (UTC) of epoch seconds (days-from-civil inverse; os.date is not available to scripts).
local function utc_date(secs)
  local z = math.floor(secs / 86400) + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local d = doy - math.floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return string.format('%04d-%02d-%02d', y, m, d)
end

-- The outcome a plan_id already has (decided marker, else a permit or block record), or nil (contract §3.3 step 3).
local function prior_outcome(plan_id)
  local v = redis.call('MGET', 'quantum:governor:decided:' .. plan_id, 'quantum:permit:' .. plan_id,
    'quantum:governor:block:' .. plan_id)
  if v[1] then
    local ok, m = pcall(cjson.decode, v[1])
    return (ok and type(m) == 'table' and m.outcome) or 'UNKNOWN'
  end
  if v[2] then return 'ALLOW' end
  if v[3] then return 'BLOCK' end
  return nil
end

-- Ends one reservation, exactly as RESERVATIONS.md describes it (O(1): no scan of the reservations).
local function release(pid)
  local raw = redis.call('HGET', R, pid)
  redis.call('ZREM', R .. ':expiry', pid)
  redis.call('ZREM', R .. ':filled', pid)
  if not raw then return false end
  local r = cjson.decode(raw)
  redis.call('HDEL', R, pid)
  local empty = redis.call('HLEN', R) == 0
  if empty then
    redis.call('SET', R .. ':notional', '0')
    redis.call('SET', R .. ':unopened', '0')
  else
    redis.call('INCRBYFLOAT', R .. ':notional', -(tonumber(r.notional) or 0))
  end
  local by_symbol = R .. ':plans:' .. r.symbol
  redis.call('SREM', by_symbol, pid)
  if redis.call('HGET', R .. ':symbols', r.symbol) == pid then
    local other = redis.call('SRANDMEMBER', by_symbol)
    if other then redis.call('HSET', R .. ':symbols', r.symbol, other)
    else
      redis.call('HDEL', R .. ':symbols', r.symbol)
      if not empty and redis.call('SISMEMBER', 'quantum:governor:exchange:open', r.symbol) == 0 then
        redis.call('DECR', R .. ':unopened')
      end
    end
  end
  return true
end

-- ---- end of prelude ----
