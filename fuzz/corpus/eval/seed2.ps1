$a = ,(1,2); $a.Count; ,,1
