-- Auto-disarm outside a decision (repeated evaluation errors, §3.9): latch SET NX, day record, event.
local reason, context, instance, events = ARGV[1], ARGV[2], ARGV[3], ARGV[4]

local t = redis.call('TIME')
local now_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local now_s = string.format('%d.%03d', math.floor(now_ms / 1000), now_ms % 1000)

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

local function jstr(s)
  return '"' .. string.gsub(s, '[%c"\\\128-\255]', function(c)
    if c == '"' then return '\\"' end
    if c == '\\' then return '\\\\' end
    return string.format('\\u%04x', string.byte(c))
  end) .. '"'
end

local latch = '{"reason": ' .. jstr(reason) .. ', "context": ' .. context .. ', "timestamp": ' .. now_s ..
  ', "instance": ' .. jstr(instance) .. '}'
if not redis.call('SET', 'quantum:governor:disarmed', latch, 'NX') then
  local ok, l = pcall(cjson.decode, redis.call('GET', 'quantum:governor:disarmed') or '')
  return {'already', (ok and type(l) == 'table' and type(l.reason) == 'string' and l.reason) or 'unknown'}
end
redis.call('SET', 'quantum:governor:disarm:' .. utc_date(math.floor(now_ms / 1000)),
  '{"reason": ' .. jstr(reason) .. ', "context": ' .. context .. ', "timestamp": ' .. now_s .. '}', 'EX', 86400)
redis.call('XADD', events, '*', 'event', 'AUTO_DISARM', 'reason', reason, 'context', context,
  'timestamp', now_s, 'action_taken', 'OPEN plans blocked until rearm')
return {'triggered', reason}
