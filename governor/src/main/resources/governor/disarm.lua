-- Auto-disarm outside a decision (repeated evaluation errors, §3.9): latch SET NX, day record, event.
local reason, context, instance, events = ARGV[1], ARGV[2], ARGV[3], ARGV[4]

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
