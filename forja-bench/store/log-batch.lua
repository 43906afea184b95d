-- wrk script: log-batch requests of 1,000 metric points each into the run RUN_ID, ten metrics with
-- steps that keep increasing from request to request, as a training loop logs them.
local run_id = os.getenv("RUN_ID")
local counter = 0

function request()
  local parts = {}
  local base = counter * 100
  for i = 0, 999 do
    local step = base + math.floor(i / 10)
    parts[#parts + 1] = string.format('{"key":"loss_%d","value":%.6f,"timestamp":%d,"step":%d}',
      i % 10, 1.0 / (step + 1), 1700000000000 + step, step)
  end
  counter = counter + 1
  local body = '{"run_id":"' .. run_id .. '","metrics":[' .. table.concat(parts, ",") .. ']}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
