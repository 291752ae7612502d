"""What the report shows: its items (every skill and report group) and which items each section charts."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Section", "SECTIONS", "GROUP_LABELS", "report_items", "item_labels"]

GROUP_LABELS = {
    "deep_learning_frameworks": "Any deep-learning framework",
    "cloud": "Any cloud platform",
    "cloud_ml_services": "Any cloud ML service",
    "mlops": "Any MLOps tool",
}
KEYWORD_SUFFIX = "_keyword"  # a skill whose id is also a group's id (mlops) appears as `<id>_keyword`


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    items: tuple[str, ...]
    text: str


SECTIONS = (
    Section(
        "languages",
        "Python and the other languages",
        (
            "python",
            "sql",
            "cpp",
            "java",
            "scala",
            "go",
            "rust",
            "r",
            "julia",
            "javascript",
            "typescript",
            "bash",
            "c",
        ),
        "Share of postings naming each programming language.",
    ),
    Section(
        "frameworks",
        "TensorFlow vs PyTorch, with Keras, JAX and scikit-learn",
        ("pytorch", "tensorflow", "keras", "jax", "scikit_learn", "deep_learning_frameworks"),
        "Share of postings naming each framework, and postings naming PyTorch per posting naming TensorFlow.",
    ),
    Section(
        "cloud",
        "Cloud platforms and their ML services",
        ("aws", "gcp", "azure", "cloud", "sagemaker", "vertex_ai", "azure_ml", "cloud_ml_services"),
        "AWS, Google Cloud and Azure, the share naming any of them, and their managed ML services.",
    ),
    Section(
        "mlops",
        "MLOps",
        (
            "mlops",
            "mlops_keyword",
            "mlflow",
            "kubeflow",
            "airflow",
            "docker",
            "kubernetes",
            "ci_cd",
            "model_monitoring",
            "feature_store",
            "dvc",
            "weights_and_biases",
            "terraform",
            "onnx",
            "triton",
        ),
        "The share naming any MLOps tool or the word MLOps, and each tool.",
    ),
)


def report_items(skill_ids: Sequence[str], groups: Mapping[str, Collection[str]]) -> dict[str, list[str]]:
    """Item -> skill ids: every report group, and every skill on its own (renamed if a group has its id)."""
    items = {group: sorted(members) for group, members in groups.items() if members}
    for skill in skill_ids:
        if skill in items and items[skill] != [skill]:
            items[skill + KEYWORD_SUFFIX] = [skill]
        else:
            items[skill] = [skill]
    return items


def item_labels(items: Mapping[str, Sequence[str]], names: Mapping[str, str]) -> dict[str, str]:
    """Display label per item: the skill's name, a group's label, "<name> (the word)" for renamed skills."""
    labels = {}
    for item, members in items.items():
        if item in GROUP_LABELS and list(members) != [item]:
            labels[item] = GROUP_LABELS[item]
        elif item.endswith(KEYWORD_SUFFIX) and members == [item.removesuffix(KEYWORD_SUFFIX)]:
            labels[item] = f"{names.get(members[0], members[0])} (the word)"
        elif len(members) == 1:
            labels[item] = names.get(members[0], members[0])
        else:
            labels[item] = item.replace("_", " ").capitalize()
    return labels
