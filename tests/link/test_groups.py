from khronika.link.groups import UnionFind, components


def test_components_join_transitively_and_keep_singletons() -> None:
    groups = components(["d", "a"], [("b", "c"), ("c", "a")])
    assert groups == [["d"], ["a", "b", "c"]]


def test_the_root_of_a_set_is_its_smallest_member() -> None:
    uf = UnionFind()
    uf.union("z", "m")
    uf.union("m", "b")
    assert uf.find("z") == "b"
