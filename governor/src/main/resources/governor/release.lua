-- apply.result for one plan (contract §3.7), acked in the same step: executed false ends the plan's reservation
-- at once; executed true marks it filled (the next snapshot installed from a fetch begun later releases it).
local plan_id, executed, stream, group, stream_id = ARGV[1], ARGV[2] == '1', ARGV[3], ARGV[4], ARGV[5]
local R = 'quantum:governor:reservations'

local t = redis.call('TIME')
local now_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

local function jstr(s)
  return '"' .. string.gsub(s, '[%c"\\\128-\255]', function(c)
    if c == '"' then return '\\"' end
    if c == '\\' then return '\\\\' end
    return string.format('\\u%04x', string.byte(c))
  end) .. '"'
end

local function release(pid)
  local raw = redis.call('HGET', R, pid)
  redis.call('ZREM', R .. ':expiry', pid)
  redis.call('ZREM', R .. ':filled', pid)
  if not raw then return false end
  local r = cjson.decode(raw)
  redis.call('HDEL', R, pid)
  if redis.call('HLEN', R) == 0 then
    redis.call('SET', R .. ':notional', '0')
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
      redis.call('SREM', R .. ':symbol_set', r.symbol)
    end
  end
  return true
end

local result = 'none'
local raw = plan_id ~= '' and redis.call('HGET', R, plan_id) or false
if raw then
  if not executed then
    release(plan_id)
    result = 'released'
  else
    -- Rewrite only the filled_at_ms value, keeping the record's key order and number forms.
    local updated, n = string.gsub(raw, '"filled_at_ms": %d+', '"filled_at_ms": ' .. string.format('%d', now_ms), 1)
    if n == 1 then redis.call('HSET', R, plan_id, updated) end
    redis.call('ZADD', R .. ':filled', now_ms, plan_id)
    result = 'filled'
  end
end
redis.call('XACK', stream, group, stream_id)
return result
