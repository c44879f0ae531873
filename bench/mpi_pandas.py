"""Baseline for bench/mpi.ts: the Alkire-Foster measure of a CSV file in vectorised pandas.

Usage: python3 bench/mpi_pandas.py DATA.csv INDICATORS.json GROUP_COLUMN WEIGHT_COLUMN

Reads the same indicators file as `peduli mpi` and prints the same JSON object as
`peduli mpi --format json` (n, excluded, k, poor, H, A, M0, M1, M2, indicators, groups). It is
written the way an analyst would write it for speed: only the needed columns, explicit dtypes
(categorical columns as `category`, each rule decided once per category), the C parser, and
column-wise numpy arithmetic. Like the benchmark data, it assumes clean input (no stray spaces,
no non-numeric text under a numeric rule); Peduli checks these, pandas would not.
"""

import json
import sys

import numpy as np
import pandas as pd

NUMERIC_OPS = {"lt", "lte", "gt", "gte"}


def numeric_values(values) -> bool:
    return all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)


def rule_values(rule) -> list:
    return rule["value"] if rule["op"] == "in" else [rule["value"]]


def deprived(column: pd.Series, op: str, value) -> np.ndarray:
    if op in NUMERIC_OPS:
        y = column.to_numpy(dtype="float64")
        return {"lt": y < value, "lte": y <= value, "gt": y > value, "gte": y >= value}[op]
    values = value if op == "in" else [value]
    if column.dtype.kind == "f":
        hit = np.isin(column.to_numpy(), values)
    else:
        # A categorical column: decide once per category, then index by the category codes.
        categories = column.cat.categories.astype(str).str.strip().isin([str(v) for v in values])
        hit = np.asarray(categories)[column.cat.codes.to_numpy()]
    return ~hit if op == "ne" else hit


def main() -> None:
    data_path, indicators_path, group_column, weight_column = sys.argv[1:5]
    with open(indicators_path, encoding="utf-8") as f:
        definition = json.load(f)
    k = float(definition["k"])
    indicators = definition["indicators"]
    raw = np.array([float(i["weight"]) for i in indicators])
    w = raw / raw.sum()

    dtypes = {group_column: "category", weight_column: "float64"}
    for i in indicators:
        rule = i["deprivedIf"]
        numeric = rule["op"] in NUMERIC_OPS or numeric_values(rule_values(rule))
        dtypes[i["column"]] = "float64" if numeric else "category"
    df = pd.read_csv(
        data_path,
        usecols=list(dtypes),
        dtype=dtypes,
        keep_default_na=False,
        na_values=[""],
        sep=",",
        encoding="utf-8-sig",
    )
    if not (df[weight_column] > 0).all():
        sys.exit("weight column has values that are not positive numbers")

    missing = df[[i["column"] for i in indicators]].isna().any(axis=1).to_numpy()
    df = df[~missing]
    weight = df[weight_column].to_numpy()
    g0 = np.column_stack([deprived(df[i["column"]], i["deprivedIf"]["op"], i["deprivedIf"]["value"]) for i in indicators])
    score = g0.astype("float64") @ w
    poor = score >= k - 1e-9

    n = weight.sum()
    wp = weight * poor
    q = wp.sum()
    uncensored = weight @ g0
    censored = wp @ g0
    total_censored = float(censored @ w)
    M0 = total_censored / n if n > 0 else 0.0

    cardinal = all(i["deprivedIf"]["op"] == "lt" and i["deprivedIf"]["value"] > 0 for i in indicators)
    M1 = M2 = None
    if cardinal:
        z = np.array([float(i["deprivedIf"]["value"]) for i in indicators])
        y = df[[i["column"] for i in indicators]].to_numpy(dtype="float64")
        gap = np.where(g0 & poor[:, None], (z - y) / z, 0.0)
        M1 = float(weight @ (gap @ w)) / n
        M2 = float(weight @ ((gap * gap) @ w)) / n

    frame = pd.DataFrame(
        {"group": df[group_column].to_numpy(), "n": weight, "poor": wp, "c": wp * score}
    )
    sums = frame.groupby("group", observed=True, sort=True).sum()
    groups = [
        {
            "group": str(name),
            "n": float(row.n),
            "populationShare": float(row.n / n),
            "H": float(row.poor / row.n),
            "A": float(row.c / row.poor) if row.poor > 0 else 0.0,
            "M0": float(row.c / row.n),
            "contribution": float(row.c / total_censored) if total_censored > 0 else None,
        }
        for name, row in sums.iterrows()
    ]
    result = {
        "n": float(n),
        "excluded": int(missing.sum()),
        "k": k,
        "poor": float(q),
        "H": float(q / n),
        "A": total_censored / q if q > 0 else 0.0,
        "M0": M0,
        "M1": M1,
        "M2": M2,
        "indicators": [
            {
                "id": i["id"],
                "dimension": i["dimension"],
                "weight": float(w[j]),
                "uncensoredHeadcount": float(uncensored[j] / n),
                "censoredHeadcount": float(censored[j] / n),
                "contribution": float(w[j] * censored[j] / total_censored) if total_censored > 0 else None,
            }
            for j, i in enumerate(indicators)
        ],
        "groups": groups,
    }
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
