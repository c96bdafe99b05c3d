// a hashed asset stands in for Vite's output
