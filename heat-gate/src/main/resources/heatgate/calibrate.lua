-- One proposal's outcome, atomically: the calibrated entry, the done key and the ack, or only the ack when the
-- done key says an earlier delivery already wrote it (a crash between write and ack must not write twice).
-- KEYS: 1 done key, 2 output stream, 3 input stream, 4 enforce hash
-- ARGV: 1 group, 2 entry id, 3 output MAXLEN, 4 done TTL s, 5 enforce '1'/'0', 6 hash TTL s, 7 entry id ms,
--       8 number of output field names+values (n), 9..8+n output fields, then the hash fields
local done = redis.call('GET', KEYS[1])
if done then
  redis.call('XACK', KEYS[3], ARGV[1], ARGV[2])
  return {'duplicate', done, 'off', ''}
end
local n = tonumber(ARGV[8])
local out = {}
for i = 9, 8 + n do out[#out + 1] = ARGV[i] end
local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', unpack(out))
redis.call('SET', KEYS[1], id, 'EX', ARGV[4])
local hash, err = 'off', ''
if ARGV[5] == '1' then
  local t = redis.call('TIME')
  local now_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  if now_ms - tonumber(ARGV[7]) > tonumber(ARGV[6]) * 1000 then
    -- a replayed backlog must not overwrite live proposal data
    hash = 'stale'
  else
    local fields = {}
    for i = 9 + n, #ARGV do fields[#fields + 1] = ARGV[i] end
    -- pcall: a failed hash write must keep the output entry (fail open for the proposal)
    local r = redis.pcall('HSET', KEYS[4], unpack(fields))
    if type(r) == 'table' and r.err then
      hash, err = 'failed', r.err
    else
      r = redis.pcall('EXPIRE', KEYS[4], ARGV[6])
      if type(r) == 'table' and r.err then
        hash, err = 'failed', r.err
      else
        hash = 'written'
      end
    end
  end
end
redis.call('XACK', KEYS[3], ARGV[1], ARGV[2])
return {'written', id, hash, err}
