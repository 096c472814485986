# SPDX-License-Identifier: MIT
"""Reading what a program wrote to a pseudo-terminal, for the pty tests."""
import os
import select


def read_to_end(fd, timeout):
    """Everything until the program closes its side (EOF, or EIO as Linux
    gives on a pty) or writes nothing for timeout seconds."""
    chunks = []
    while True:
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)
