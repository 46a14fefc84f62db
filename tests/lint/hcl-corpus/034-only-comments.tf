# nothing
// here
