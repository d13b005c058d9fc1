// Module QuireKernels: see ../shared/DESIGN.md §1. (Module overview; sources arrive with their issues.)
