#!/usr/bin/env python3
"""Search under load: N clients search one word over and over for 10 s while a probe asks GET /api/health every
0.1 s; prints the search and health latencies.

    scripts/bench_search_load.py http://127.0.0.1:8080 32 السعودية
"""
import sys, time, threading, urllib.request, urllib.parse, statistics
base=sys.argv[1]; n=int(sys.argv[2]); q=sys.argv[3]
url=base+"/api/documents?q="+urllib.parse.quote_plus(q)
t0=time.time(); r=urllib.request.urlopen(url).read(); single=time.time()-t0
import json; total=json.loads(r)["total"]
lat=[]; health=[]
stop=False
def client():
    while not stop:
        t=time.time(); urllib.request.urlopen(url).read(); lat.append(time.time()-t)
def probe():
    while not stop:
        t=time.time(); urllib.request.urlopen(base+"/api/health").read(); health.append(time.time()-t); time.sleep(0.1)
ths=[threading.Thread(target=client) for _ in range(n)]+[threading.Thread(target=probe)]
for t in ths: t.start()
time.sleep(10); stop=True
for t in ths: t.join()
q=lambda xs,p: sorted(xs)[min(len(xs)-1,int(len(xs)*p))]
print(f"hits {total}; one search {single*1000:.0f} ms; {n} clients 10 s: {len(lat)} searches, p50 {q(lat,.5)*1000:.0f} ms, p95 {q(lat,.95)*1000:.0f} ms; health p50 {q(health,.5)*1000:.0f} ms, max {max(health)*1000:.0f} ms ({len(health)} probes)")
