#!/usr/bin/python3
"""Times the Python peers of debindex's parser on one uncompressed deb822 file, in-process.

Usage: parse_peers.py FILE [REPEATS]

Prints one line per peer: name, median seconds, stanzas. Only the walk over the file is timed
(interpreter start and imports are not), as JMH times only the Java parse.
"""
import statistics
import sys
import time


def time_it(fn, repeats):
    results = []
    count = 0
    for _ in range(repeats):
        start = time.perf_counter()
        count = fn()
        results.append(time.perf_counter() - start)
    return statistics.median(results), count


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5

    import apt_pkg

    def tagfile():
        n = 0
        with open(path, 'rb') as f:
            for section in apt_pkg.TagFile(f, bytes=True):
                section['Package']
                n += 1
        return n

    seconds, n = time_it(tagfile, repeats)
    print(f"apt_pkg.TagFile\t{seconds:.4f}\t{n}")

    from debian import deb822

    def deb822_pure():
        n = 0
        with open(path, 'rb') as f:
            for p in deb822.Packages.iter_paragraphs(f, use_apt_pkg=False):
                p['Package']
                n += 1
        return n

    def deb822_default():
        n = 0
        with open(path, 'rb') as f:
            for p in deb822.Packages.iter_paragraphs(f):
                p['Package']
                n += 1
        return n

    seconds, n = time_it(deb822_default, max(1, repeats // 2))
    print(f"python3-debian deb822 (default, on apt_pkg)\t{seconds:.4f}\t{n}")
    seconds, n = time_it(deb822_pure, max(1, repeats // 2))
    print(f"python3-debian deb822 (pure Python)\t{seconds:.4f}\t{n}")


if __name__ == '__main__':
    main()
