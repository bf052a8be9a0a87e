-- A dead letter and its ack, atomically; only the ack when the entry already has an outcome (done key).
-- KEYS: 1 done key, 2 DLQ stream, 3 input stream
-- ARGV: 1 group, 2 entry id, 3 DLQ MAXLEN, 4 done TTL s, 5.. DLQ fields
local done = redis.call('GET', KEYS[1])
if done then
  redis.call('XACK', KEYS[3], ARGV[1], ARGV[2])
  return {'duplicate', done}
end
local fields = {}
for i = 5, #ARGV do fields[#fields + 1] = ARGV[i] end
local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', unpack(fields))
redis.call('SET', KEYS[1], 'dlq:' .. id, 'EX', ARGV[4])
redis.call('XACK', KEYS[3], ARGV[1], ARGV[2])
return {'dead_lettered', id}
