"""pandas' side of bench/kpi.sh: the KPIs of docs/kpi.md for a contact CSV,
per queue x 15 minutes and per agent x day, with FCR (7 days, across
channels), service level 80/20 (short-excluded), short abandons < 5 s.

Usage: /usr/bin/python3 bench/kpi_pandas.py CSV OUT_QUEUE OUT_AGENT
Reads the CSV in chunks and keeps compact columns only, so memory stays a
few times the number of contacts, not of the file's bytes.
"""
import sys

import numpy as np
import pandas as pd

SHORT_S, SL_S, FCR_S = 5, 20, 7 * 86400


def epoch_and_local(text):
    """UTC epoch seconds and local wall-clock (naive) of '...T..:..:..+01:00'."""
    local = pd.to_datetime(text.str.slice(0, 19), format="%Y-%m-%dT%H:%M:%S")
    sign = np.where(text.str.slice(19, 20) == "-", -1, 1)
    offset = sign * (text.str.slice(20, 22).astype(np.int64) * 3600
                     + text.str.slice(23, 25).astype(np.int64) * 60)
    epoch = local.astype(np.int64) // 10**9 - offset
    return epoch.to_numpy(), local


def load(path):
    parts = []
    for chunk in pd.read_csv(path, chunksize=1_000_000, keep_default_na=False,
                             dtype={"contact_id": np.int64, "hold_s": np.int64,
                                    "wrap_s": np.int64, "case_id": str, "customer_id": str,
                                    "answered": str, "agent": str}):
        o, local = epoch_and_local(chunk["offered"])
        e, _ = epoch_and_local(chunk["ended"])
        answered = chunk["answered"] != ""
        a = np.zeros(len(chunk), dtype=np.int64)
        if answered.any():
            a[answered.to_numpy()], _ = epoch_and_local(chunk.loc[answered, "answered"])
        key = np.where(chunk["case_id"] != "", "c:" + chunk["case_id"],
                       np.where(chunk["customer_id"] != "", "u:" + chunk["customer_id"], ""))
        parts.append(pd.DataFrame({
            "contact_id": chunk["contact_id"].to_numpy(),
            "queue": chunk["queue"].astype("category"),
            "agent": chunk["agent"].astype("category"),
            "q15": local.dt.floor("15min").dt.strftime("%Y-%m-%d %H:%M:%S").astype("category"),
            "day": local.dt.floor("D").dt.strftime("%Y-%m-%d %H:%M:%S").astype("category"),
            "o": o, "a": a, "e": e, "wrap": chunk["wrap_s"].to_numpy(),
            "is_answered": answered.to_numpy(),
            "transferred": chunk["outcome"].isin(["transferred", "transfer"]).to_numpy(),
            "key": key,
        }))
    frame = pd.concat(parts, ignore_index=True)
    for column in ("queue", "agent", "q15", "day"):
        frame[column] = frame[column].astype(str)
    return frame


def main():
    path, out_queue, out_agent = sys.argv[1:4]
    frame = load(path)
    frame["wait"] = np.where(frame["is_answered"], frame["a"] - frame["o"], frame["e"] - frame["o"])
    # FCR: an answered contact opens an episode when its key had no contact in
    # the 7 days before; it is resolved when the next is more than 7 days after.
    has_key = frame["key"] != ""
    keyed = frame.loc[has_key, ["key", "o", "contact_id"]].sort_values(["key", "o", "contact_id"])
    same_prev = keyed["key"].eq(keyed["key"].shift(1))
    same_next = keyed["key"].eq(keyed["key"].shift(-1))
    gap_prev = keyed["o"] - keyed["o"].shift(1)
    gap_next = keyed["o"].shift(-1) - keyed["o"]
    opens = ~same_prev | (gap_prev > FCR_S)
    no_repeat = ~same_next | (gap_next > FCR_S)
    frame["fcr_opens"] = False
    frame["no_repeat"] = False
    frame.loc[keyed.index, "fcr_opens"] = opens.to_numpy()
    frame.loc[keyed.index, "no_repeat"] = no_repeat.to_numpy()
    frame["fcr_opens"] &= frame["is_answered"]

    ans = frame["is_answered"]
    frame["c_answered"] = ans.astype(np.int64)
    frame["c_abandoned"] = (~ans & (frame["wait"] >= SHORT_S)).astype(np.int64)
    frame["c_short"] = (~ans & (frame["wait"] < SHORT_S)).astype(np.int64)
    frame["c_within"] = (ans & (frame["wait"] <= SL_S)).astype(np.int64)
    frame["s_wait"] = np.where(ans, frame["wait"], 0)
    frame["s_handle"] = np.where(ans, frame["e"] - frame["a"] + frame["wrap"], 0)
    frame["c_transfer"] = (ans & frame["transferred"]).astype(np.int64)
    frame["c_fcr"] = frame["fcr_opens"].astype(np.int64)
    frame["c_resolved"] = (frame["fcr_opens"] & frame["no_repeat"]).astype(np.int64)

    def report(by, label, out):
        groups = frame.groupby([by, label], sort=True)
        sums = groups[["c_answered", "c_abandoned", "c_short", "c_within", "s_wait", "s_handle",
                       "c_transfer", "c_fcr", "c_resolved"]].sum()
        sums["offered"] = groups.size()
        sums["longest_wait_s"] = groups["wait"].max()
        nan = lambda d: d.where(d > 0)  # noqa: E731
        result = pd.DataFrame({
            "offered": sums["offered"],
            "answered": sums["c_answered"],
            "abandoned": sums["c_abandoned"],
            "short_abandoned": sums["c_short"],
            "abandon_rate": sums["c_abandoned"] / nan(sums["offered"] - sums["c_short"]),
            "asa_s": sums["s_wait"] / nan(sums["c_answered"]),
            "service_level": sums["c_within"] / nan(sums["c_answered"] + sums["c_abandoned"]),
            "aht_s": sums["s_handle"] / nan(sums["c_answered"]),
            "longest_wait_s": sums["longest_wait_s"],
            "transfer_rate": sums["c_transfer"] / nan(sums["c_answered"]),
            "fcr": sums["c_resolved"] / nan(sums["c_fcr"]),
            "fcr_contacts": sums["c_fcr"],
        })
        result.index.names = [by, "interval_start"]
        result.to_csv(out)

    report("queue", "q15", out_queue)
    report("agent", "day", out_agent)


if __name__ == "__main__":
    main()
