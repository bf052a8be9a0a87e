-- Dead letter for one apply.plan entry (contract §3.6): DLQ entry + audit DLQ + decided marker + XACK, atomically.
-- If the plan already has an outcome (max_deliveries_exceeded after a crash), only acks.
local plan_id, valid_id, stream, group, stream_id = ARGV[1], ARGV[2] == '1', ARGV[3], ARGV[4], ARGV[5]
local reason, deliveries, fields_json, instance = ARGV[6], ARGV[7], ARGV[8], ARGV[9]
local sym, action, mode = ARGV[10], ARGV[11], ARGV[12]

local marker_key = 'quantum:governor:decided:' .. plan_id
if valid_id then
  local prior = prior_outcome(plan_id)
  if prior then
    redis.call('XACK', stream, group, stream_id)
    return {'verdict', 'DUPLICATE', 'prior', prior}
  end
end

redis.call('XADD', 'quantum:stream:governor.dlq', 'MAXLEN', '~', '10000', '*',
  'stream_id', stream_id, 'reason', reason, 'plan_id', plan_id, 'deliveries', deliveries,
  'fields', fields_json, 'instance', instance, 'dlq_at', now_s)
local audit_id = redis.call('XADD', 'quantum:stream:governor.decisions', 'MAXLEN', '~', '100000', '*',
  'plan_id', plan_id, 'symbol', sym, 'action', action, 'class', 'none', 'outcome', 'DLQ',
  'reason', reason, 'detail', '', 'qty', '', 'mark', '', 'notional', '', 'positions_open', '',
  'total_notional', '', 'reserved_notional', '', 'snapshot_age_ms', '', 'mode', mode,
  'stream_id', stream_id, 'instance', instance, 'decided_at', now_s)
if valid_id then
  redis.call('SET', marker_key, '{"outcome": "DLQ", "reason": ' .. jstr(reason) .. ', "stream_id": ' ..
    jstr(stream_id) .. ', "audit_id": ' .. jstr(audit_id) .. ', "decided_at": ' .. now_s .. '}', 'EX', 86400, 'NX')
end
redis.call('XACK', stream, group, stream_id)
return {'verdict', 'DLQ', 'audit_id', audit_id}
