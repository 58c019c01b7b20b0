print("csat")
