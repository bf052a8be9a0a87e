-- apply.result for one plan (contract §3.7), acked in the same step: executed false ends the plan's reservation
-- at once; executed true marks it filled (the next snapshot installed from a fetch begun later releases it).
local plan_id, executed, stream, group, stream_id = ARGV[1], ARGV[2] == '1', ARGV[3], ARGV[4], ARGV[5]

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
