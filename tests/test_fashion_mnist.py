"""FashionMNIST: IDX reading, where the files come from, and the download (against 127.0.0.1 only)."""

import gzip

import numpy as np
import pytest
import torch

from engine.data import fashion_mnist as fm
from engine.data import load_dataset
from engine.data.download import download_file
from engine.data.idx import parse_idx, read_idx_gz
from engine.errors import PlaygroundError
from tests.data_helpers import file_server, idx_bytes, md5, small_fashion_files


@pytest.fixture
def no_local_copy(tmp_path, monkeypatch):
    """No FASHION_MNIST_DIR, an empty user cache under tmp_path."""
    monkeypatch.delenv(fm.ENV_DIR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "torch-playground" / "fashion-mnist"


@pytest.fixture
def small_files(monkeypatch):
    """Small valid files, with the registry's MD5s pointed at them."""
    files = small_fashion_files()
    monkeypatch.setattr(fm, "FILES", {name: md5(data) for name, data in files.items()})
    return files


def test_idx_round_trip_keeps_values_and_shape():
    array = np.random.default_rng(0).integers(0, 256, (5, 28, 28))
    tensor = parse_idx(idx_bytes(array), "x")
    assert tensor.dtype == torch.uint8 and tuple(tensor.shape) == (5, 28, 28)
    assert np.array_equal(tensor.numpy(), array)


@pytest.mark.parametrize("raw", [b"", b"\x00\x00\x08", b"\x01\x00\x08\x01\x00\x00\x00\x01\x05",
                                 b"\x00\x00\x0d\x01\x00\x00\x00\x01\x05", b"\x00\x00\x08\x01\x00\x00\x00\x02\x05"])
def test_malformed_idx_is_a_playground_error(raw):
    with pytest.raises(PlaygroundError) as error:
        parse_idx(raw, "bad")
    assert error.value.key == "idx_malformed"


def test_a_file_that_is_not_gzip_is_a_playground_error(tmp_path):
    (tmp_path / "x.gz").write_bytes(b"not gzip at all")
    with pytest.raises(PlaygroundError):
        read_idx_gz(tmp_path / "x.gz")
    (tmp_path / "y.gz").write_bytes(gzip.compress(idx_bytes(np.zeros((4, 28, 28))))[:-10])  # cut short
    with pytest.raises(PlaygroundError):
        read_idx_gz(tmp_path / "y.gz")


def test_loads_from_the_folder_named_by_the_environment(tmp_path, monkeypatch, small_files):
    for name, data in small_files.items():
        (tmp_path / name).write_bytes(data)
    monkeypatch.setenv(fm.ENV_DIR, str(tmp_path))
    data = load_dataset("fashion_mnist")
    assert tuple(data.train_x.shape) == (30, 1, 28, 28) and tuple(data.test_x.shape) == (10, 1, 28, 28)
    assert data.train_x.dtype == torch.uint8 and data.scale == 1 / 255
    assert data.train_y.tolist() == [i % 10 for i in range(30)]
    expected = np.frombuffer(gzip.decompress(small_files["train-images-idx3-ubyte.gz"])[16:], np.uint8)
    assert np.array_equal(data.train_x.flatten().numpy(), expected)
    assert load_dataset("fashion_mnist").train_x is data.train_x  # one copy per process


def test_an_incomplete_configured_folder_says_what_is_missing(tmp_path, monkeypatch):
    (tmp_path / "train-images-idx3-ubyte.gz").write_bytes(b"")
    monkeypatch.setenv(fm.ENV_DIR, str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with pytest.raises(PlaygroundError) as error:
        fm.ensure_files()
    assert error.value.key == "fashion_dir_incomplete" and "t10k-labels-idx1-ubyte.gz" in str(error.value)


def test_downloads_into_the_cache_with_progress(no_local_copy, small_files):
    seen = []
    with file_server(small_files) as (url, requests):
        folder = fm.ensure_files(base_url=url, timeout=5, progress=lambda *report: seen.append(report))
    assert folder == no_local_copy and sorted(p.name for p in folder.iterdir()) == sorted(small_files)
    assert sorted(requests) == sorted("/" + name for name in small_files)
    last = {name: (done, total) for _, name, done, total in seen}
    assert all(last[name] == (len(data), len(data)) for name, data in small_files.items())
    assert load_dataset("fashion_mnist").train_y.tolist() == [i % 10 for i in range(30)]
    with file_server(small_files) as (url, requests):  # second time: nothing is fetched
        fm.ensure_files(base_url=url)
    assert requests == []


def test_a_checksum_mismatch_keeps_nothing(no_local_copy, small_files, monkeypatch):
    monkeypatch.setitem(fm.FILES, "train-images-idx3-ubyte.gz", "0" * 32)
    with file_server(small_files) as (url, _), pytest.raises(PlaygroundError) as error:
        fm.ensure_files(base_url=url, timeout=5)
    assert error.value.key == "fashion_unavailable" and "MD5" in str(error.value)
    assert not list(no_local_copy.glob("train-images*"))  # neither the file nor a .part


@pytest.mark.parametrize("mode, expected", [("slow", "timed out"), ("truncate", "")])
def test_timeouts_and_interrupted_transfers_keep_nothing(tmp_path, small_files, mode, expected):
    name = "t10k-labels-idx1-ubyte.gz"
    with file_server(small_files, mode=mode) as (url, _), pytest.raises(PlaygroundError) as error:
        download_file(url + name, tmp_path / name, md5(small_files[name]), timeout=0.5)
    assert error.value.key in {"download_failed", "download_incomplete"} and expected in str(error.value)
    assert list(tmp_path.iterdir()) == []


def test_a_stale_part_file_never_counts(no_local_copy, small_files):
    no_local_copy.mkdir(parents=True)
    for name, data in small_files.items():
        (no_local_copy / (name + ".part")).write_bytes(data[:10])
    assert fm.local_dir() is None
    with file_server(small_files) as (url, _):
        fm.ensure_files(base_url=url, timeout=5)
    assert all((no_local_copy / name).read_bytes() == data for name, data in small_files.items())
    assert not list(no_local_copy.glob("*.part"))


def test_offline_without_a_copy_says_what_to_do(no_local_copy, small_files):
    with file_server(small_files) as (url, _):
        pass  # the server is gone: its port now refuses connections
    with pytest.raises(PlaygroundError) as error:
        fm.ensure_files(base_url=url, timeout=2)
    assert error.value.key == "fashion_unavailable"
    assert fm.ENV_DIR in str(error.value) and "internet" in str(error.value)
    assert load_dataset("circle").train_x.shape[1] == 2  # the rest keeps working


needs_real = pytest.mark.skipif(fm.configured_dir() is None or bool(fm.missing_files(fm.configured_dir())),
                                reason="FASHION_MNIST_DIR does not name a folder with the four official files")


@needs_real
def test_real_files_have_the_published_checksums():
    from engine.data.download import file_md5
    for name, expected in fm.FILES.items():
        assert file_md5(fm.configured_dir() / name) == expected, name


@needs_real
def test_real_fashion_mnist_counts_and_shapes():
    data = load_dataset("fashion_mnist")
    assert tuple(data.train_x.shape) == (60_000, 1, 28, 28) and tuple(data.test_x.shape) == (10_000, 1, 28, 28)
    assert data.train_x.dtype == torch.uint8
    assert data.train_y.bincount().tolist() == [6_000] * 10
    assert data.test_y.bincount().tolist() == [1_000] * 10
    assert data.class_names[0] == "T-Shirt" and data.class_names[9] == "Ankle Boot"
    assert int(data.train_x.max()) == 255 and float(data.as_float(data.train_x[:64]).max()) == 1.0


def test_idx_reads_streams_that_hand_out_a_few_bytes_at_a_time():
    import io

    from engine.data.idx import read_idx_stream

    class Trickle(io.BytesIO):
        def readinto(self, buffer):
            return super().readinto(memoryview(buffer)[:7])

    array = np.random.default_rng(1).integers(0, 256, (3, 28, 28))
    assert np.array_equal(read_idx_stream(Trickle(idx_bytes(array)), "x").numpy(), array)
    with pytest.raises(PlaygroundError):
        read_idx_stream(Trickle(idx_bytes(array) + b"extra"), "x")


def test_two_students_downloading_at_once_fetch_each_file_once(no_local_copy, small_files):
    import threading
    errors = []

    def fetch(url):
        try:
            fm.ensure_files(base_url=url, timeout=5)
        except Exception as error:  # collected, then asserted empty
            errors.append(error)

    with file_server(small_files, mode="delayed") as (url, requests):  # both threads are surely in flight
        threads = [threading.Thread(target=fetch, args=(url,)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    assert errors == [] and sorted(requests) == sorted("/" + name for name in small_files)
